using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Reintegration.Benchmarks.Report;

namespace Reintegration.Benchmarks.Baselines;

/// <summary>
/// The ceiling of the database here: Npgsql's binary COPY of small rows into a temporary table,
/// with no index, no JSON and no transaction per row. Nothing built on PostgreSQL writes faster.
/// </summary>
public static class PostgresCopyBaseline
{
    public static async Task<Throughput> RunAsync(string connectionString, int rows, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "create temp table bench_copy (id bigint, n integer, label text, at timestamptz)", cancellationToken);

        // A small COPY first, so that JIT and the first round trips are not in the figure.
        await CopyAsync(connection, 5_000, cancellationToken);
        await ExecuteAsync(connection, "truncate bench_copy", cancellationToken);

        var started = Stopwatch.GetTimestamp();
        await CopyAsync(connection, rows, cancellationToken);
        var result = Throughput.Since(rows, started);

        await using var count = new NpgsqlCommand("select count(*) from bench_copy", connection);
        var stored = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        if (stored != rows) throw new BenchmarkFailure($"COPY stored {stored} rows of {rows}.");
        return result;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, int rows, CancellationToken cancellationToken)
    {
        var at = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        await using var writer = await connection.BeginBinaryImportAsync("copy bench_copy (id, n, label, at) from stdin (format binary)", cancellationToken);
        for (var i = 0; i < rows; i++)
        {
            // The synchronous writes only fill Npgsql's buffer; it flushes when full.
            writer.StartRow();
            writer.Write((long)i, NpgsqlDbType.Bigint);
            writer.Write(i % 1000, NpgsqlDbType.Integer);
            writer.Write("row", NpgsqlDbType.Text);
            writer.Write(at.AddSeconds(i), NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
