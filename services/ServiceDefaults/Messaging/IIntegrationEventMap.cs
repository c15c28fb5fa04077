using JasperFx.Events;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// Turns a service's committed domain event into the integration event other services may see,
/// or null when the event stays inside the service. This is where personal data is left behind.
/// </summary>
public interface IIntegrationEventMap
{
    object? ToIntegrationEvent(IEvent committed);
}
