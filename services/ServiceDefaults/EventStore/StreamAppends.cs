using System.Data.Common;
using System.Text.Json;
using Marten;
using NpgsqlTypes;
using Reintegration.ServiceDefaults.Telemetry;
using Weasel.Core;
using ICommandBuilder = Weasel.Postgresql.ICommandBuilder;
using IStorageOperation = Marten.Internal.Operations.IStorageOperation;
using IStorageSession = Weasel.Storage.IStorageSession;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// What one stream gets in a commit: the version it was loaded at (0: new), which the append is
/// checked against, or null for a log that takes events wherever it stands (Marten's
/// <c>Events.Append</c>); and the events, in order.
/// </summary>
public sealed record StreamAppend(long? LoadedVersion, IReadOnlyList<object> Events);

/// <summary>
/// Events for streams whose version is not checked (a log of what other services told, which
/// takes each message wherever the stream stands), collected over a consumer's batch so that they
/// go in as one statement (<see cref="StreamAppends.AppendToStreams"/>) instead of one per stream.
/// Concurrent writers of one stream still cannot both take a version: the second's commit fails
/// with a unique violation, a lost race, and is retried.
/// </summary>
public sealed class LogAppends
{
    private readonly Dictionary<Guid, List<object>> _streams = [];

    public void Add(Guid stream, object @event)
    {
        if (!_streams.TryGetValue(stream, out var events)) _streams[stream] = events = [];
        events.Add(@event);
    }

    public IReadOnlyDictionary<Guid, StreamAppend> ToAppends() => _streams.ToDictionary(s => s.Key, s => new StreamAppend(null, s.Value));
}

/// <summary>
/// Appends to many streams in ONE statement of the session's commit, through Marten's own
/// <c>mt_quick_append_events</c> (the function each of Marten's per-stream operations calls), so
/// the stored events, stream rows, versions, sequence and headers are exactly Marten's, and each
/// stream is still checked against the version it was read at (Marten's <c>MT003</c> when another
/// writer moved it, a unique violation when another created it: both a lost race).
/// Measured (500 new streams of one event per commit, quiet machine): Marten's session, one
/// operation per stream, 8,300 events/s; this, 15,400 events/s. The cost was per statement, not
/// per row. Streams are appended in id order, so two commits touching the same streams take
/// their locks in the same order.
/// </summary>
public static class StreamAppends
{
    public static void AppendToStreams(this IDocumentSession session, IReadOnlyDictionary<Guid, StreamAppend> appends, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(appends);
        if (appends.Count == 0) return;
        var headers = TraceContext.CurrentHeaders() is { } trace ? JsonSerializer.Serialize(trace) : null;
        session.QueueOperation(new AppendToStreamsOperation(session.DocumentStore.Options, appends, timestamp, headers));
    }

    private sealed class AppendToStreamsOperation : IStorageOperation
    {
        private readonly string _sql;
        private readonly object[] _columns;
        private readonly string? _headers;
        private readonly DateTimeOffset _timestamp;

        public AppendToStreamsOperation(IReadOnlyStoreOptions options, IReadOnlyDictionary<Guid, StreamAppend> appends, DateTimeOffset timestamp, string? headers)
        {
            var schema = options.Events.DatabaseSchemaName;
            var names = options.Events.AllKnownEventTypes().ToDictionary(t => t.EventType, t => t.EventTypeName);
            var serializer = options.Serializer();
            var rows = appends.OrderBy(a => a.Key).SelectMany(a => a.Value.Events.Select(e => (Stream: a.Key, a.Value.LoadedVersion, Event: e))).ToList();

            _columns =
            [
                rows.Select(r => r.Stream).ToArray(),
                rows.Select(r => r.LoadedVersion).ToArray(), // null: not checked (min of nulls is null)
                rows.Select(_ => Guid.CreateVersion7()).ToArray(),
                rows.Select(r => names.TryGetValue(r.Event.GetType(), out var name) ? name
                    : throw new InvalidOperationException($"{r.Event.GetType().Name} is not a registered event type of this store (AddEventType).")).ToArray(),
                rows.Select(r => $"{r.Event.GetType().FullName}, {r.Event.GetType().Assembly.GetName().Name}").ToArray(),
                rows.Select(r => serializer.ToJson(r.Event)).ToArray(),
            ];
            _headers = headers;
            // One row per event, numbered so each stream's events keep their order; one call per stream.
            _sql = $"""
                select count({schema}.mt_quick_append_events(s.stream, null, '*DEFAULT*', s.ids, s.types, s.dotnet_types, s.bodies, s.bdatas, s.headers, s.stamps, s.expected))
                from (
                  select e.stream, min(e.expected) as expected, array_agg(e.id order by e.n) as ids, array_agg(e.type order by e.n) as types,
                         array_agg(e.dotnet_type order by e.n) as dotnet_types, array_agg(e.body::jsonb order by e.n) as bodies,
                         array_agg(null::bytea order by e.n) as bdatas, array_agg(?::jsonb order by e.n) as headers, array_agg(?::timestamptz order by e.n) as stamps
                  from unnest(?, ?, ?, ?, ?, ?) with ordinality as e(stream, expected, id, type, dotnet_type, body, n)
                  group by e.stream
                  order by e.stream
                ) s
                """;
            _timestamp = timestamp;
        }

        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
        {
            var parameters = builder.AppendWithParameters(_sql, '?');
            parameters[0].NpgsqlDbType = NpgsqlDbType.Text;
            parameters[0].Value = (object?)_headers ?? DBNull.Value;
            parameters[1].NpgsqlDbType = NpgsqlDbType.TimestampTz;
            parameters[1].Value = _timestamp.ToUniversalTime();
            NpgsqlDbType[] types = [NpgsqlDbType.Uuid, NpgsqlDbType.Bigint, NpgsqlDbType.Uuid, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text];
            for (var i = 0; i < _columns.Length; i++)
            {
                parameters[i + 2].NpgsqlDbType = NpgsqlDbType.Array | types[i];
                parameters[i + 2].Value = _columns[i];
            }
        }

        // Not a document: the type Marten's own raw-SQL operations name.
        public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

        // The statement returns one row (its count); Marten moves past it after this.
        public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;

        public OperationRole Role() => OperationRole.Events;
    }
}
