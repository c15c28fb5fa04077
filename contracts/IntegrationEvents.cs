namespace Reintegration.Contracts;

/// <summary>
/// What goes on the wire: the integration events of one type from one page of the publishing
/// service's event store, in the order they were committed. One broker message per page and type
/// instead of one per event: MassTransit's receive pipeline and the broker's routing cost the same
/// for a message of one event as for one of a hundred, and were a fifth of the consumers' CPU.
/// The exchange is the event type's (see <c>SubscriberTopology.ExchangeFor</c>).
/// </summary>
public sealed record IntegrationEvents<T>(IReadOnlyList<IntegrationEvent<T>> Events)
    where T : class;

/// <summary>
/// One integration event: the publisher's event id (how a consumer recognises a redelivery, so it
/// is the same whichever page carries it again), its position and commit time in the publisher's
/// store, and the W3C trace context of the span that appended it (so a consumer can follow it).
/// </summary>
public sealed record IntegrationEvent<T>(Guid Id, long Sequence, DateTimeOffset CommittedAt, string? TraceParent, string? TraceState, T Message)
    where T : class;
