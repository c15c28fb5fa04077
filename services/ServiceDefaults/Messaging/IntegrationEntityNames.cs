using MassTransit;
using Reintegration.Contracts;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// Names the exchange of an <see cref="IntegrationEvents{T}"/> after its event type
/// (<see cref="SubscriberTopology.ExchangeFor"/>), as <see cref="SubscriberTopology"/> declares it:
/// the exchange stands for the event, whatever the message carrying it looks like. Any other
/// message keeps MassTransit's own name.
/// </summary>
public sealed class IntegrationEntityNames(IEntityNameFormatter inner) : IEntityNameFormatter
{
    public string FormatEntityName<T>() =>
        typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(IntegrationEvents<>)
            ? SubscriberTopology.ExchangeFor(typeof(T).GetGenericArguments()[0])
            : inner.FormatEntityName<T>();
}
