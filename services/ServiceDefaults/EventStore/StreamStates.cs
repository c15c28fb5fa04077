using JasperFx.Events;
using Marten;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// Decision state by live aggregation: the streams' events are read in one query and folded with
/// the state's pure <c>Fold</c>. Streams here are short (a returnee's registration and a few
/// dozen sessions), and measured, keeping an inline snapshot document instead cost more at every
/// commit than folding costs at every read.
/// </summary>
public static class StreamStates
{
    public static async Task<IReadOnlyDictionary<Guid, TState>> FoldAsync<TState>(
        IQuerySession session, Guid[] streamIds, CancellationToken cancellationToken)
        where TState : class, IStreamState<TState> =>
        Fold<TState>(await EventsOfAsync(session, streamIds, cancellationToken));

    /// <summary>Every event of the streams, in the order they were stored: two queries however many streams, one where none exists yet.</summary>
    public static async Task<IReadOnlyList<IEvent>> EventsOfAsync(IQuerySession session, Guid[] streamIds, CancellationToken cancellationToken)
    {
        if (streamIds.Length == 0) return [];

        // Which streams exist, by their primary key first: the planner's estimate for a unique
        // key needs no statistics, and a batch of new streams (every registration, the first
        // fact a consumer learns of a returnee) then reads no events at all. Asked of the events
        // directly, a table not yet analysed since it filled (a new deployment, a partner's
        // first upload of its backlog) was estimated to match 500 streams almost whole and read
        // in sequence order to find none: 18–20 ms a batch on average at 14,000–24,000 events,
        // growing with the table, the largest of Intake's statements in the benchmark
        // (pg_stat_statements and auto_explain, 2026-12-03).
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var existing = await session.AdvancedSql.QueryAsync<Guid>($"select id from {schema}.mt_streams where id = ANY(?)", cancellationToken, [streamIds]);
        if (existing.Count == 0) return [];

        var found = existing.ToArray();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(found))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
    }

    public static async Task<TState?> FoldAsync<TState>(IQuerySession session, Guid streamId, CancellationToken cancellationToken)
        where TState : class, IStreamState<TState> =>
        (await FoldAsync<TState>(session, [streamId], cancellationToken)).GetValueOrDefault(streamId);

    /// <summary>Pure: each stream's events, in order, folded into its state, which carries the stream's version.</summary>
    public static IReadOnlyDictionary<Guid, TState> Fold<TState>(IEnumerable<IEvent> events)
        where TState : class, IStreamState<TState>
    {
        var states = new Dictionary<Guid, TState>();
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            TState? state = null;
            foreach (var e in stream) state = TState.Fold(state, stream.Key, e.Data);
            if (state is null) continue;
            state.Version = stream.Max(e => e.Version);
            states[stream.Key] = state;
        }

        return states;
    }
}
