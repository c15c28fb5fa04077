using JasperFx.Events;
using MassTransit;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// Puts integration events on the bus as a publishing service's outbox does: messages made by
/// <see cref="IntegrationPages"/> itself, one per event type, in order, each event with an id of
/// its own (the publisher's event id, which consumers recognise redeliveries by).
/// </summary>
public static class IntegrationBus
{
    /// <summary>Whatever a test publishes is already its contract.</summary>
    private sealed class AsPublished : IIntegrationEventMap
    {
        public object? ToIntegrationEvent(IEvent committed) => committed.Data;
    }

    /// <summary>An event as a publisher would carry it, with a new id unless one is given.</summary>
    public static IntegrationEvent<T> Event<T>(T message, Guid? id = null) where T : class =>
        new(id ?? Guid.NewGuid(), 0, DateTimeOffset.UtcNow, null, null, message);

    /// <summary>One message holding exactly these events.</summary>
    public static Task PublishEventsAsync<T>(this IBus bus, params IntegrationEvent<T>[] events) where T : class =>
        bus.Publish(new IntegrationEvents<T>(events));

    /// <summary>Each message of any contract type as a committed event, published as the outbox publishes a page of them.</summary>
    public static async Task PublishEventsAsync(this IBus bus, IEnumerable<object> messages)
    {
        foreach (var message in IntegrationPages.Of(messages.Select(Committed), new AsPublished()))
            await bus.Publish(message.Body, message.Body.GetType());
    }

    /// <summary>One message of its own for each message of any contract type, in order.</summary>
    public static async Task PublishEachAsync(this IBus bus, params object[] messages)
    {
        foreach (var message in messages) await bus.PublishEventsAsync([message]);
    }

    private static IEvent Committed(object data)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(JasperFx.Events.Event<>).MakeGenericType(data.GetType()), data)!;
        e.Id = Guid.NewGuid();
        e.Timestamp = DateTimeOffset.UtcNow;
        return e;
    }
}
