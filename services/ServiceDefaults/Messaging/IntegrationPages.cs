using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.Events;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>One broker message of a page: the body is an <see cref="IntegrationEvents{T}"/> of <see cref="EventType"/>.</summary>
public sealed record PageMessage(Type EventType, object Body, IReadOnlyList<IEvent> Committed);

/// <summary>
/// Turns a daemon page of committed events into the broker messages that carry their integration
/// events: one per integration event type, each of at most <see cref="MaxEvents"/> events in the
/// order they were committed. Events that stay inside the service (the map gives null) are left out.
/// </summary>
public static class IntegrationPages
{
    /// <summary>
    /// Events one message carries at most: a hundred already makes the per-message cost negligible,
    /// and keeps a message far below the broker's size limit (the largest contract, a group
    /// session of 50, is about 3 KB) and a consumer's transaction bounded.
    /// </summary>
    public const int MaxEvents = 100;

    private static readonly MethodInfo BuildMethod = typeof(IntegrationPages).GetMethod(nameof(Build), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, Func<IReadOnlyList<(IEvent, object)>, object>> Builders = new();

    public static IReadOnlyList<PageMessage> Of(IEnumerable<IEvent> page, IIntegrationEventMap map, int maxEvents = MaxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEvents, 1);
        return page
            .Select(e => (Committed: e, Message: map.ToIntegrationEvent(e)))
            .Where(x => x.Message is not null)
            .Select(x => (x.Committed, Message: x.Message!))
            .GroupBy(x => x.Message.GetType())
            .SelectMany(type => type.Chunk(maxEvents).Select(chunk => new PageMessage(
                type.Key,
                Builders.GetOrAdd(type.Key, t => BuildMethod.MakeGenericMethod(t).CreateDelegate<Func<IReadOnlyList<(IEvent, object)>, object>>())(chunk),
                chunk.Select(x => x.Committed).ToList())))
            .ToList();
    }

    private static object Build<T>(IReadOnlyList<(IEvent Committed, object Message)> events) where T : class =>
        new IntegrationEvents<T>(events.Select(x =>
        {
            var (parent, state) = TraceContext.W3COf(x.Committed);
            return new IntegrationEvent<T>(x.Committed.Id, x.Committed.Sequence, x.Committed.Timestamp, parent, state, (T)x.Message);
        }).ToList());
}
