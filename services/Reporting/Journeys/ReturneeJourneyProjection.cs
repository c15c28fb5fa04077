using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Reintegration.Reporting.Journeys;

/// <summary>Builds <see cref="ReturneeJourney"/> documents from Reporting's journey streams, run by the async daemon.</summary>
public sealed class ReturneeJourneyProjection : SingleStreamProjection<ReturneeJourney, Guid>
{
    public ReturneeJourneyProjection()
    {
        IncludeType<RegistrationReported>();
        IncludeType<CounsellingSessionReported>();
        IncludeType<AwarenessEventAttended>();
        IncludeType<ConsentChangeReported>();
        IncludeType<ScreeningReported>();
        IncludeType<PlanAgreedReported>();
        IncludeType<SurveyReported>();
        IncludeType<CaseClosedReported>();
        IncludeType<CaseReopenedReported>();
        IncludeType<ErasureReported>();
        foreach (var type in ReturneeJourney.CounsellingEventTypes) IncludeType(type);
        IncludeType<WorkshopAttended>();
    }

    public override ReturneeJourney Evolve(ReturneeJourney? snapshot, Guid id, IEvent e) => ReturneeJourney.Fold(snapshot, id, e.Data);
}
