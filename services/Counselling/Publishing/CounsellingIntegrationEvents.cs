using JasperFx.Events;
using Reintegration.Counselling.Sessions;
using Reintegration.ServiceDefaults.Messaging;
using Contracts = Reintegration.Contracts;

namespace Reintegration.Counselling.Publishing;

/// <summary>What other services learn from Counselling: what was held, never who held it or what was said.</summary>
public sealed class CounsellingIntegrationEvents : IIntegrationEventMap
{
    public object? ToIntegrationEvent(IEvent committed) => committed.Data switch
    {
        SessionHeld s => new Contracts.CounsellingSessionHeld(
            committed.Id, s.ReturneeId, s.Time, s.Format, s.Modality, s.Intervention, s.DurationMinutes),
        _ => null,
    };
}
