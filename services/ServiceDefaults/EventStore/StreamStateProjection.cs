using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// Keeps a <typeparamref name="TState"/> document per stream, updated in the same transaction as
/// the append (register it Inline), by calling the state's own pure <c>Fold</c>.
/// </summary>
public sealed class StreamStateProjection<TState> : SingleStreamProjection<TState, Guid>
    where TState : class, IStreamState<TState>
{
    public StreamStateProjection(params Type[] eventTypes)
    {
        // With an explicit Evolve there are no Apply methods to discover the event types from.
        foreach (var type in eventTypes) IncludeType(type);
    }

    public override TState? Evolve(TState? snapshot, Guid id, IEvent e)
    {
        var next = TState.Fold(snapshot, id, e.Data);
        if (next is not null) next.Version = e.Version;
        return next;
    }
}
