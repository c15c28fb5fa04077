using System.Text.RegularExpressions;
using Npgsql;

namespace Reintegration.Reporting.Rebuilds;

/// <summary>
/// The second set of a read model's tables that a rebuild fills while the first keeps answering:
/// created bare (columns and defaults, no index, so bulk loading is cheap), indexed like the live
/// ones once full, then swapped in by renaming, indexes and constraints included, so the schema
/// Marten's migrations expect is unchanged after a rebuild.
/// </summary>
public sealed partial class ShadowTables(IReadOnlyList<string> live)
{
    public const string NextSuffix = "__next";
    private const string RetiredSuffix = "__retired";

    /// <summary>The live tables, schema-qualified: the states' document table first.</summary>
    public IReadOnlyList<string> Live => live;

    public IReadOnlyList<string> Next { get; } = [.. live.Select(t => t + NextSuffix)];

    public static string Unqualified(string table) => table[(table.IndexOf('.') + 1)..];

    public static string SchemaOf(string table) => table[..table.IndexOf('.')];

    /// <summary>
    /// Drops what an earlier, unfinished rebuild left, and creates the bare tables, autovacuum off:
    /// it would start on millions of fresh rows and hold a lock the swap's rename must wait for.
    /// </summary>
    public async Task CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, next) in live.Zip(Next))
            await ExecuteAsync(connection, $"drop table if exists {next}; create table {next} (like {table} including defaults) with (autovacuum_enabled = false)", cancellationToken);
    }

    /// <summary>
    /// Gives the full tables the live tables' primary keys and indexes (under names of their own
    /// until the swap), then vacuums them (statistics, and the visibility map the index-only scans
    /// of distinct counts need) and gives autovacuum its table back.
    /// </summary>
    public async Task IndexAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, next) in live.Zip(Next))
        {
            foreach (var index in await IndexesAsync(connection, table, cancellationToken))
                await ExecuteAsync(connection, index.IsPrimaryKey
                    ? $"alter table {next} add constraint {TemporaryName(table, index.Ordinal)} {index.Definition}"
                    : IndexTarget().Replace(index.Definition, $"CREATE $1INDEX {TemporaryName(table, index.Ordinal)} ON {next} "), cancellationToken);
            await ExecuteAsync(connection, $"vacuum (analyze) {next}", cancellationToken);
            await ExecuteAsync(connection, $"alter table {next} reset (autovacuum_enabled)", cancellationToken);
        }
    }

    /// <summary>
    /// In the caller's transaction, which holds the live tables locked: the live tables and their
    /// indexes step aside (renamed, to be dropped by <see cref="DropRetiredAsync"/> once the views
    /// that read them have been pointed at the new ones), and the full ones take their names.
    /// </summary>
    public async Task SwapAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var indexes = new Dictionary<string, List<Index>>();
        foreach (var table in live)
        {
            var schema = SchemaOf(table);
            indexes[table] = await IndexesAsync(connection, table, cancellationToken);
            foreach (var index in indexes[table])
                await ExecuteAsync(connection, $"alter index {schema}.{index.Name} rename to {RetiredName(table, index.Ordinal)}", cancellationToken);
            await ExecuteAsync(connection, $"alter table {table} rename to {Unqualified(table)}{RetiredSuffix}", cancellationToken);
        }

        foreach (var (table, next) in live.Zip(Next))
        {
            foreach (var index in indexes[table])
                await ExecuteAsync(connection, $"alter index {SchemaOf(table)}.{TemporaryName(table, index.Ordinal)} rename to {index.Name}", cancellationToken);
            await ExecuteAsync(connection, $"alter table {next} rename to {Unqualified(table)}", cancellationToken);
        }
    }

    /// <summary>Drops the tables <see cref="SwapAsync"/> retired.</summary>
    public async Task DropRetiredAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var table in live) await ExecuteAsync(connection, $"drop table {table}{RetiredSuffix}", cancellationToken);
    }

    /// <summary>Locks the live tables against the daemon's writes (and everyone's reads) until the caller's transaction ends.</summary>
    public async Task LockAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, $"lock table {string.Join(", ", live)} in access exclusive mode", cancellationToken);

    public async Task DropAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var next in Next) await ExecuteAsync(connection, $"drop table if exists {next}", cancellationToken);
    }

    private static string TemporaryName(string table, int ordinal) => $"next_{ordinal}_{Unqualified(table)}";

    private static string RetiredName(string table, int ordinal) => $"retired_{ordinal}_{Unqualified(table)}";

    private sealed record Index(int Ordinal, string Name, string Definition, bool IsPrimaryKey);

    private static async Task<List<Index>> IndexesAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select i.relname, coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(i.oid)), c.oid is not null
            from pg_index x join pg_class i on i.oid = x.indexrelid
            left join pg_constraint c on c.conindid = x.indexrelid and c.contype = 'p'
            where x.indrelid = $1::regclass order by i.relname
            """, connection) { Parameters = { new NpgsqlParameter { Value = table } } };
        var indexes = new List<Index>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            indexes.Add(new Index(indexes.Count, reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        return indexes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // "CREATE [UNIQUE] INDEX name ON schema.table " as pg_get_indexdef writes it.
    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX \S+ ON \S+ ")]
    private static partial Regex IndexTarget();
}
