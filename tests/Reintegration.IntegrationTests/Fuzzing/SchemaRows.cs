using Npgsql;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>What a service's schema holds, counted: rows per table, the ingestion records' keys and the event sequence reached.</summary>
public sealed record SchemaSnapshot(IReadOnlyDictionary<string, long> Rows, IReadOnlySet<string> RecordKeys, long LastSequence);

/// <summary>Counts the rows of one service's schema, to see what a post left behind.</summary>
public sealed class SchemaRows(IsolatedBackend backend, string schema)
{
    /// <summary>Written by the async daemon on its own schedule, not by a post.</summary>
    private static readonly string[] Background = ["mt_event_progression"];

    public async Task<SchemaSnapshot> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(backend.Postgres);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema and table_type = 'BASE TABLE' order by 1", connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        var rows = new Dictionary<string, long>();
        foreach (var table in tables.Where(t => !Background.Contains(t)))
            rows[table] = await ScalarAsync<long>(connection, $"select count(*) from {schema}.\"{table}\"");

        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (tables.FirstOrDefault(t => t.EndsWith("ingestionrecord", StringComparison.Ordinal)) is { } records)
        {
            await using var select = new NpgsqlCommand($"select id from {schema}.\"{records}\"", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        }

        var last = tables.Contains("mt_events") ? await ScalarAsync<long>(connection, $"select coalesce(max(seq_id), 0) from {schema}.mt_events") : 0;
        return new SchemaSnapshot(rows, keys, last);
    }

    /// <summary>The streams of the events stored after <paramref name="sequence"/>, with how many each got.</summary>
    public async Task<IReadOnlyDictionary<Guid, long>> StreamsAfterAsync(long sequence)
    {
        await using var connection = new NpgsqlConnection(backend.Postgres);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand($"select stream_id, count(*) from {schema}.mt_events where seq_id > @after group by stream_id", connection);
        select.Parameters.AddWithValue("after", sequence);
        await using var reader = await select.ExecuteReaderAsync();
        var streams = new Dictionary<Guid, long>();
        while (await reader.ReadAsync()) streams[reader.GetGuid(0)] = reader.GetInt64(1);
        return streams;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
