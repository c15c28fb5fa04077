using System.Data.Common;
using System.Text.Json;
using Marten;
using NpgsqlTypes;
using Reintegration.ServiceDefaults.Telemetry;
using Weasel.Core;
using Weasel.Postgresql.Functions;
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
/// Concurrent writers of one existing stream queue on its row lock, the second appending after the
/// first; two writers creating the same stream at once: the second fails on its primary key (a
/// lost race) and is retried.
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
/// Appends to many streams in ONE statement of the session's commit, set-based: one call of
/// <see cref="SqlFunction"/> (a function of this service's schema, next to Marten's own) locks the
/// existing streams in id order, checks each against the version it was read at, moves or creates
/// the <c>mt_streams</c> rows and inserts every event in one <c>insert … select</c>, where Marten's
/// <c>mt_quick_append_events</c> does all of that once per stream, with one insert per event.
/// What it stores is what Marten's function stores (columns, versions, sequence, headers, tenant),
/// so Marten reads it as its own, and a lost race fails the same way: <c>MT003</c> when another
/// writer moved a stream, a unique violation when another created it.
/// Measured in PostgreSQL alone (10 × 500 events of 1 KB): a fifth less time than Marten's
/// function called per stream, for new streams (0.22 → 0.17 s) and existing ones (0.35 → 0.30 s).
/// </summary>
public static class StreamAppends
{
    public const string FunctionName = "reintegration_append_to_streams";

    public static void AppendToStreams(this IDocumentSession session, IReadOnlyDictionary<Guid, StreamAppend> appends, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(appends);
        if (appends.Values.All(a => a.Events.Count == 0)) return;
        var headers = TraceContext.CurrentHeaders() is { } trace ? JsonSerializer.Serialize(trace) : null;
        session.QueueOperation(new AppendToStreamsOperation(session.DocumentStore.Options, appends, timestamp, headers));
    }

    /// <summary>Adds the function to the store's migrations, in the events' schema (set that first).</summary>
    public static void UseStreamAppends(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Storage.ExtendedSchemaObjects.Add(SqlFunction(options.Events.DatabaseSchemaName));
    }

    private static Function SqlFunction(string schema) => Function.ForSql($$"""
        CREATE OR REPLACE FUNCTION {{schema}}.{{FunctionName}}(streams uuid[], expected bigint[], event_ids uuid[], event_types varchar[],
          dotnet_types varchar[], bodies jsonb[], event_headers jsonb, stamp timestamp with time zone, tenantid varchar)
         RETURNS integer
         LANGUAGE plpgsql
        AS $function$
        DECLARE
          conflict record;
          seqs bigint[];
          appended integer;
          one_stream uuid := streams[1];
          one_expected bigint;
          one_version bigint;
          one_archived boolean;
        BEGIN
          -- One stream (a single partner event, a consumer's one-stream log): the same promises in
          -- statements PostgreSQL plans as cheaply as Marten's own function. A session's plans are
          -- dropped each time a pooled connection is reset (DISCARD ALL), so the set-based
          -- statements below, planned again for every one-event commit, had cost ~1 ms each.
          IF one_stream IS NOT NULL AND one_stream = ALL(streams) THEN
            one_expected := (SELECT min(x) FROM unnest(expected) AS x);
            SELECT version, is_archived INTO one_version, one_archived FROM {{schema}}.mt_streams WHERE id = one_stream FOR UPDATE;
            IF one_expected IS NOT NULL AND COALESCE(one_version, 0) <> one_expected THEN
              RAISE EXCEPTION 'Stream version mismatch on ''%'': expected %, actual %', one_stream, one_expected, COALESCE(one_version, 0) USING ERRCODE = 'MT003';
            END IF;
            IF one_archived THEN
              RAISE EXCEPTION 'Attempted to append event to archived stream with Id ''%''.', one_stream USING ERRCODE = 'MT001';
            END IF;
            appended := array_length(event_ids, 1);
            -- Read as new (expected 0) or not there: inserted, so a writer that created it since
            -- fails this commit on the primary key (a lost race).
            IF one_version IS NULL OR one_expected = 0 THEN
              INSERT INTO {{schema}}.mt_streams (id, type, version, timestamp, tenant_id) VALUES (one_stream, NULL, appended, now(), tenantid);
              one_version := 0;
            ELSE
              UPDATE {{schema}}.mt_streams SET version = version + appended, timestamp = now() WHERE id = one_stream;
            END IF;
            FOR i IN 1..appended LOOP
              INSERT INTO {{schema}}.mt_events (seq_id, id, stream_id, version, data, bdata, type, tenant_id, timestamp, mt_dotnet_type, is_archived, headers)
              VALUES (nextval('{{schema}}.mt_events_sequence'), event_ids[i], one_stream, one_version + i, bodies[i], NULL, event_types[i], tenantid, stamp, dotnet_types[i], false, event_headers);
            END LOOP;
            RETURN appended;
          END IF;

          -- A commit that only starts streams (every one read as new: a batch of registrations)
          -- has none to lock or check: each is inserted below, and one that another writer
          -- created since fails there on the primary key, a lost race like the check's MT003
          -- (an archived one too: decided again, its append is read at its version and refused
          -- below). Locking and checking 500 new ids cost a tenth of such a commit.
          IF EXISTS (SELECT FROM unnest(expected) AS x WHERE x IS DISTINCT FROM 0) THEN
            -- Existing streams locked in id order, so two commits touching the same streams queue
            -- instead of deadlocking; streams no one has created yet race on mt_streams' primary key.
            PERFORM 1 FROM {{schema}}.mt_streams WHERE id = ANY(streams) ORDER BY id FOR UPDATE;

            -- A stream read at a version (not null) must still be at it; an archived one takes nothing.
            SELECT s.stream, s.expected, COALESCE(st.version, 0) AS actual, COALESCE(st.is_archived, false) AS archived INTO conflict
              FROM (SELECT u.stream, min(u.expected) AS expected FROM unnest(streams, expected) AS u(stream, expected) GROUP BY u.stream) s
              LEFT JOIN {{schema}}.mt_streams st ON st.id = s.stream
             WHERE (s.expected IS NOT NULL AND COALESCE(st.version, 0) <> s.expected) OR COALESCE(st.is_archived, false)
             LIMIT 1;
            IF FOUND THEN
              IF conflict.archived THEN
                RAISE EXCEPTION 'Attempted to append event to archived stream with Id ''%''.', conflict.stream USING ERRCODE = 'MT001';
              END IF;
              RAISE EXCEPTION 'Stream version mismatch on ''%'': expected %, actual %', conflict.stream, conflict.expected, conflict.actual USING ERRCODE = 'MT003';
            END IF;
          END IF;

          -- Sequence numbers taken in ascending order and handed out in (stream, position) order,
          -- so within a stream sequence and version agree, as with Marten's own appends.
          seqs := ARRAY(SELECT nextval('{{schema}}.mt_events_sequence') FROM generate_series(1, COALESCE(array_length(event_ids, 1), 0)) ORDER BY 1);

          -- A stream read as new (expected 0) is inserted, never moved: had another writer created
          -- it since the check above, this statement's snapshot would see it, and moving it would
          -- append after that writer's events unchecked. Inserted, it fails on the primary key: a
          -- lost race. Streams read at a version were locked above; unchecked ones go either way.
          WITH counts AS (
                 SELECT u.stream, count(*) AS appended, min(u.expected) AS expected
                   FROM unnest(streams, expected) AS u(stream, expected) GROUP BY u.stream),
               moved AS (
                 UPDATE {{schema}}.mt_streams st SET version = st.version + c.appended, timestamp = now()
                   FROM counts c WHERE st.id = c.stream AND c.expected IS DISTINCT FROM 0
                 RETURNING st.id, st.version - c.appended AS base),
               created AS (
                 INSERT INTO {{schema}}.mt_streams (id, type, version, timestamp, tenant_id)
                 SELECT c.stream, NULL, c.appended, now(), tenantid FROM counts c
                  WHERE c.expected = 0 OR (c.expected IS NULL AND NOT EXISTS (SELECT FROM {{schema}}.mt_streams st WHERE st.id = c.stream))
                 RETURNING id, 0::bigint AS base),
               bases AS (SELECT id, base FROM moved UNION ALL SELECT id, base FROM created)
          INSERT INTO {{schema}}.mt_events (seq_id, id, stream_id, version, data, bdata, type, tenant_id, timestamp, mt_dotnet_type, is_archived, headers)
          SELECT seqs[row_number() OVER (ORDER BY e.stream, e.n)], e.id, e.stream, b.base + row_number() OVER (PARTITION BY e.stream ORDER BY e.n),
                 e.body, NULL, e.type, tenantid, stamp, e.dotnet_type, false, event_headers
            FROM unnest(streams, event_ids, event_types, dotnet_types, bodies) WITH ORDINALITY AS e(stream, id, type, dotnet_type, body, n)
            JOIN bases b ON b.id = e.stream;
          GET DIAGNOSTICS appended = ROW_COUNT;
          RETURN appended;
        END
        $function$;
        """);

    private sealed class AppendToStreamsOperation : IStorageOperation
    {
        private readonly string _sql;
        private readonly object[] _columns;
        private readonly string? _headers;
        private readonly DateTimeOffset _timestamp;

        public AppendToStreamsOperation(IReadOnlyStoreOptions options, IReadOnlyDictionary<Guid, StreamAppend> appends, DateTimeOffset timestamp, string? headers)
        {
            var names = options.Events.AllKnownEventTypes().ToDictionary(t => t.EventType, t => t.EventTypeName);
            var serializer = options.Serializer();
            var rows = appends.SelectMany(a => a.Value.Events.Select(e => (Stream: a.Key, a.Value.LoadedVersion, Event: e))).ToList();

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
            _sql = $"select {options.Events.DatabaseSchemaName}.{FunctionName}(?, ?, ?, ?, ?, ?::jsonb[], ?::jsonb, ?, '*DEFAULT*')";
            _timestamp = timestamp;
        }

        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
        {
            var parameters = builder.AppendWithParameters(_sql, '?');
            NpgsqlDbType[] types = [NpgsqlDbType.Uuid, NpgsqlDbType.Bigint, NpgsqlDbType.Uuid, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text];
            for (var i = 0; i < _columns.Length; i++)
            {
                parameters[i].NpgsqlDbType = NpgsqlDbType.Array | types[i];
                parameters[i].Value = _columns[i];
            }
            parameters[6].NpgsqlDbType = NpgsqlDbType.Text;
            parameters[6].Value = (object?)_headers ?? DBNull.Value;
            parameters[7].NpgsqlDbType = NpgsqlDbType.TimestampTz;
            parameters[7].Value = _timestamp.ToUniversalTime();
        }

        // Not a document: the type Marten's own raw-SQL operations name.
        public Type DocumentType => typeof(Marten.Storage.StorageFeatures);

        // The statement returns one row (its count); Marten moves past it after this.
        public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;

        public OperationRole Role() => OperationRole.Events;
    }
}
