using JasperFx.Events;
using Marten.Events.Aggregation;
using Reintegration.Reporting.Journeys;

namespace Reintegration.Reporting.LineList;

/// <summary>Builds <see cref="ReturneeLine"/> documents from Reporting's journey streams, run by the async daemon.</summary>
public sealed class ReturneeLineProjection : SingleStreamProjection<ReturneeLine, Guid>
{
    public ReturneeLineProjection()
    {
        IncludeType<RegistrationReported>();
        IncludeType<ScreeningReported>();
        IncludeType<CounsellingSessionReported>();
        IncludeType<GroupSessionAttended>();
        IncludeType<WorkshopAttended>();
        IncludeType<ReferralMadeReported>();
        IncludeType<AssessmentReported>();
        IncludeType<CaseClosedReported>();
        IncludeType<CaseReopenedReported>();
        IncludeType<ErasureReported>();
    }

    public override ReturneeLine Evolve(ReturneeLine? snapshot, Guid id, IEvent e) => ReturneeLine.Fold(snapshot, id, e.Data);
}
