using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Privacy;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>What a decision may read: the state of any stream it named in <see cref="IPendingEvent.Reads"/>.</summary>
public interface IStreamStates
{
    /// <summary>The stream folded into <typeparamref name="TState"/>; null when none of its events makes one.</summary>
    TState? Get<TState>(Guid stream) where TState : class, IStreamState<TState>;

    /// <summary>The data keys of the batch's returnees, where the service seals identifying data.</summary>
    KeyRing Keys { get; }
}
