namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// The state a service decides with, folded from one stream's events. <see cref="Fold"/> is pure
/// and is used twice: by Marten's inline projection that keeps the state document, and in memory
/// by the ingestion pipeline when a batch holds several events for the same stream.
/// </summary>
public interface IStreamState<TSelf> : IHasStreamVersion where TSelf : class, IStreamState<TSelf>
{

    /// <summary>Applies one event; returns the state unchanged for events it does not know.</summary>
    static abstract TSelf? Fold(TSelf? state, Guid streamId, object @event);
}

/// <summary>The stream version a state reflects, set from the last applied event: the expected version of the next append.</summary>
public interface IHasStreamVersion
{
    long Version { get; set; }
}
