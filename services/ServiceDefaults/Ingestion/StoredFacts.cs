using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Privacy;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>A stream as loaded: its version (0 when it has no events yet) and its events' data, in order.</summary>
public sealed record StoredStream(long Version, IReadOnlyList<object> Events)
{
    public static readonly StoredStream Empty = new(0, []);
}

/// <summary>What a batch's decisions read, loaded once: ingestion records by key, claims by id, streams by id, and the subjects' data keys.</summary>
public sealed record StoredFacts(
    IReadOnlyDictionary<string, IngestionRecord> Records,
    IReadOnlyDictionary<string, UniqueClaim> Claims,
    IReadOnlyDictionary<Guid, StoredStream> Streams,
    KeyRing? Keys = null)
{
    public static StoredFacts None => new(new Dictionary<string, IngestionRecord>(), new Dictionary<string, UniqueClaim>(), new Dictionary<Guid, StoredStream>());
}

/// <summary>
/// The streams of a batch as its decisions see them: the stored events plus those the batch's
/// earlier events appended, folded on demand into whichever state a decision asks for.
/// </summary>
public sealed class StreamSet(IReadOnlyDictionary<Guid, StoredStream> stored, IReadOnlySet<Guid>? loaded = null, KeyRing? keys = null) : IStreamStates
{
    public KeyRing Keys { get; } = keys ?? KeyRing.None;

    private readonly Dictionary<Guid, List<object>> _added = new();
    private readonly Dictionary<(Type, Guid), object?> _folded = new();

    public TState? Get<TState>(Guid stream) where TState : class, IStreamState<TState>
    {
        if (_folded.TryGetValue((typeof(TState), stream), out var known)) return (TState?)known;
        var state = EventsOf(stream).Aggregate((TState?)null, (current, e) => TState.Fold(current, stream, e));
        _folded[(typeof(TState), stream)] = state;
        return state;
    }

    /// <summary>The version the stream had when loaded: what its next append is checked against.</summary>
    public long LoadedVersion(Guid stream) => stored.GetValueOrDefault(stream)?.Version ?? 0;

    public IReadOnlyDictionary<Guid, List<object>> Added => _added;

    public void Add(Guid stream, object @event)
    {
        // An append is checked against the version the stream was loaded at: a stream that was
        // not loaded would look new and collide at every commit.
        if (loaded is not null && !loaded.Contains(stream))
            throw new InvalidOperationException($"A decision appended to stream {stream}, which its event does not name in Reads.");
        if (!_added.TryGetValue(stream, out var events)) _added[stream] = events = [];
        events.Add(@event);
        foreach (var key in _folded.Keys.Where(k => k.Item2 == stream).ToList()) _folded.Remove(key);
    }

    private IEnumerable<object> EventsOf(Guid stream) =>
        (stored.GetValueOrDefault(stream)?.Events ?? []).Concat(_added.GetValueOrDefault(stream) ?? []);
}
