using System.Reflection;
using MassTransit;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// Puts integration events on the bus as a publishing service's outbox does: one message per
/// event type, in order, of at most <see cref="IntegrationPages.MaxEvents"/> events, each event
/// with an id of its own (the publisher's event id, which consumers recognise redeliveries by).
/// </summary>
public static class IntegrationBus
{
    private static readonly MethodInfo CarrierMethod = typeof(IntegrationBus).GetMethod(nameof(Carrier), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>An event as a publisher would carry it, with a new id unless one is given.</summary>
    public static IntegrationEvent<T> Event<T>(T message, Guid? id = null) where T : class =>
        new(id ?? Guid.NewGuid(), 0, DateTimeOffset.UtcNow, null, null, message);

    /// <summary>One message holding exactly these events.</summary>
    public static Task PublishEventsAsync<T>(this IBus bus, params IntegrationEvent<T>[] events) where T : class =>
        bus.Publish(new IntegrationEvents<T>(events));

    /// <summary>Each message of any contract type as an event, grouped into messages by type as a publisher's page is.</summary>
    public static async Task PublishEventsAsync(this IBus bus, IEnumerable<object> messages)
    {
        foreach (var type in messages.GroupBy(m => m.GetType()))
            foreach (var chunk in type.Chunk(IntegrationPages.MaxEvents))
            {
                var carrier = CarrierMethod.MakeGenericMethod(type.Key).Invoke(null, [chunk])!;
                await bus.Publish(carrier, carrier.GetType());
            }
    }

    /// <summary>One message of its own for each message of any contract type, in order.</summary>
    public static async Task PublishEachAsync(this IBus bus, params object[] messages)
    {
        foreach (var message in messages) await bus.PublishEventsAsync([message]);
    }

    private static IntegrationEvents<T> Carrier<T>(object[] messages) where T : class =>
        new(messages.Select(m => Event((T)m)).ToList());
}
