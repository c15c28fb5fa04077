using JasperFx.Events;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.Training.Awareness;
using Contracts = Reintegration.Contracts;

namespace Reintegration.Training.Publishing;

/// <summary>What other services learn from Training.</summary>
public sealed class TrainingIntegrationEvents : IIntegrationEventMap
{
    public object? ToIntegrationEvent(IEvent committed) => committed.Data switch
    {
        AwarenessEventHeld a => new Contracts.AwarenessEventHeld(
            a.AwarenessEventId, a.Time, a.Kind, a.Region, a.Reached.Women, a.Reached.Men, a.Reached.Girls, a.Reached.Boys, a.ReturneeParticipants),
        _ => null,
    };
}
