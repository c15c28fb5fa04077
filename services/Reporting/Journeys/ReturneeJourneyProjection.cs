using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Reintegration.Reporting.Journeys;

/// <summary>Builds <see cref="ReturneeJourney"/> documents from Reporting's journey streams, run by the async daemon.</summary>
public sealed class ReturneeJourneyProjection : SingleStreamProjection<ReturneeJourney, Guid>
{
    public ReturneeJourneyProjection()
    {
        foreach (var type in ReturneeJourney.EventTypes) IncludeType(type);
    }

    public override ReturneeJourney Evolve(ReturneeJourney? snapshot, Guid id, IEvent e) => ReturneeJourney.Fold(snapshot, id, e.Data);
}
