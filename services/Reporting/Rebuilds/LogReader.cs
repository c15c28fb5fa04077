using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Reintegration.Reporting.Rebuilds;

/// <summary>
/// Reads Reporting's own log straight from its table, as the events the read models fold: a
/// rebuild streams millions of them through one reader instead of the daemon's pages. Events of
/// types the log does not hold (Marten's tombstones of rolled-back appends) and archived ones are
/// left out, as the daemon leaves them out.
/// </summary>
public sealed class LogReader
{
    private readonly ISerializer _serializer;
    private readonly Dictionary<string, (Type Type, Func<object, IEvent> Wrap)> _types;

    public LogReader(IDocumentStore store)
    {
        _serializer = store.Options.Serializer();
        Events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        Progression = $"{store.Options.Events.DatabaseSchemaName}.mt_event_progression";
        _types = store.Options.Events.AllKnownEventTypes()
            .Where(t => ReportingLog.EventTypes.Contains(t.EventType))
            .ToDictionary(t => t.EventTypeName, t => (t.EventType, Wrapper(t.EventType)));
    }

    /// <summary>The log's table.</summary>
    public string Events { get; }

    /// <summary>The daemon's progression table: where each projection stands.</summary>
    public string Progression { get; }

    /// <summary>The names the log stores these event types under, for a filter on its <c>type</c> column.</summary>
    public string[] Aliases(IEnumerable<Type> types) => [.. _types.Where(t => types.Contains(t.Value.Type)).Select(t => t.Key)];

    /// <summary>The events of these types up to <paramref name="upTo"/> stream by stream (each stream's in order, by version).</summary>
    public IAsyncEnumerable<IEvent> ByStreamAsync(NpgsqlConnection connection, string[] aliases, long upTo, CancellationToken cancellationToken) =>
        ReadAsync(connection, $"where seq_id <= $1 and type = any($2) and is_archived is not true order by stream_id, version", [upTo, aliases], cancellationToken);

    /// <summary>The events of these types after <paramref name="after"/> up to <paramref name="upTo"/>, in order of sequence.</summary>
    public IAsyncEnumerable<IEvent> RangeAsync(NpgsqlConnection connection, string[] aliases, long after, long upTo, CancellationToken cancellationToken) =>
        ReadAsync(connection, $"where seq_id > $1 and seq_id <= $2 and type = any($3) and is_archived is not true order by seq_id", [after, upTo, aliases], cancellationToken);

    private async IAsyncEnumerable<IEvent> ReadAsync(NpgsqlConnection connection, string condition, object[] parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select seq_id, id, stream_id, version, timestamp, type, data from {Events} {condition}", connection) { CommandTimeout = 0 };
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var sequence = reader.GetInt64(0);
            var id = reader.GetGuid(1);
            var stream = reader.GetGuid(2);
            var version = reader.GetInt64(3);
            var timestamp = reader.GetFieldValue<DateTimeOffset>(4);
            if (!_types.TryGetValue(reader.GetString(5), out var type)) continue;
            var e = type.Wrap(_serializer.FromJson(type.Type, reader, 6));
            e.Sequence = sequence;
            e.Id = id;
            e.StreamId = stream;
            e.Version = version;
            e.Timestamp = timestamp;
            yield return e;
        }
    }

    private static Func<object, IEvent> Wrapper(Type type) =>
        (Func<object, IEvent>)typeof(LogReader).GetMethod(nameof(Wrap), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).CreateDelegate(typeof(Func<object, IEvent>));

    private static IEvent Wrap<T>(object data) where T : notnull => LoggedEvents.Of((T)data);
}

