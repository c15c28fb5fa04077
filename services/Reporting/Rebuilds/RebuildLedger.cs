using Npgsql;
using Reintegration.Reporting.Indicators;
using Weasel.Postgresql.Tables;

namespace Reintegration.Reporting.Rebuilds;

/// <summary>
/// The rebuilds asked for and how far each got, in Reporting's database, so that any replica
/// answers for a rebuild another runs, and at most one rebuild of a read model is active at a
/// time (<c>active_for</c> holds the read model's name while active, and is unique; a partial
/// unique index would do too, but Weasel's migrations do not recognise its predicate once
/// PostgreSQL has rewritten it). A rebuild whose replica stopped heartbeating is abandoned.
/// </summary>
public sealed class RebuildLedger(ReportingDatabase database)
{
    public const string Table = "reporting.read_model_rebuilds";

    /// <summary>How long an active rebuild may go without a heartbeat before it counts as abandoned.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(60);

    private static readonly string Columns =
        $"id, read_model, case when state = any($1) and updated_at < now() - interval '{(int)AbandonedAfter.TotalSeconds} seconds' then '{RebuildStates.Abandoned}' else state end, "
        + "requested_at, started_at, finished_at, events_done, events_total, built_to, error, now()";

    public static Weasel.Core.ISchemaObject Schema()
    {
        var table = new Table(Table);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("read_model", "text").NotNull();
        table.AddColumn("state", "text").NotNull();
        table.AddColumn("requested_at", "timestamptz").NotNull();
        table.AddColumn("updated_at", "timestamptz").NotNull();
        table.AddColumn("started_at", "timestamptz");
        table.AddColumn("finished_at", "timestamptz");
        table.AddColumn("events_done", "bigint").NotNull().DefaultValueByExpression("0");
        table.AddColumn("events_total", "bigint").NotNull().DefaultValueByExpression("0");
        table.AddColumn("built_to", "bigint");
        table.AddColumn("error", "text");
        table.AddColumn("active_for", "text");
        table.Indexes.Add(new IndexDefinition("ux_read_model_rebuilds_active") { Columns = ["active_for"], IsUnique = true });
        return table;
    }

    /// <summary>A new rebuild of <paramref name="readModel"/>, queued; or, when one is already active, that one (and false).</summary>
    public async Task<(Guid Id, bool Created)> RequestAsync(string readModel, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"""
            update {Table} set state = '{RebuildStates.Abandoned}', finished_at = now(), updated_at = now(), active_for = null
            where read_model = $2 and state = any($1) and updated_at < now() - interval '{(int)AbandonedAfter.TotalSeconds} seconds'
            """, cancellationToken, RebuildStates.Active, readModel);
        var id = Guid.CreateVersion7();
        try
        {
            await ExecuteAsync(connection, $"insert into {Table} (id, read_model, state, requested_at, updated_at, active_for) values ($1, $2, '{RebuildStates.Queued}', now(), now(), $2)",
                cancellationToken, id, readModel);
            return (id, true);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await using var command = Command(connection, $"select id from {Table} where active_for = $1", readModel);
            return ((Guid)(await command.ExecuteScalarAsync(cancellationToken))!, false);
        }
    }

    public Task StartAsync(Guid id, long total, CancellationToken cancellationToken) =>
        UpdateAsync($"state = '{RebuildStates.Loading}', started_at = now(), events_total = $2", cancellationToken, id, total);

    public Task ProgressAsync(Guid id, string state, long done, long total, long? builtTo, CancellationToken cancellationToken) =>
        UpdateAsync("state = $2, events_done = $3, events_total = $4, built_to = $5", cancellationToken, id, state, done, total, (object?)builtTo ?? DBNull.Value);

    /// <summary>Keeps an active rebuild from counting as abandoned while one long statement (an index) runs.</summary>
    public Task HeartbeatAsync(Guid id, CancellationToken cancellationToken) => UpdateAsync("state = state", cancellationToken, id);

    public Task AbandonAsync(Guid id, CancellationToken cancellationToken) =>
        UpdateAsync($"state = '{RebuildStates.Abandoned}', finished_at = now(), active_for = null", cancellationToken, id);

    public Task FailAsync(Guid id, string error, CancellationToken cancellationToken) =>
        UpdateAsync($"state = '{RebuildStates.Failed}', finished_at = now(), active_for = null, error = $2", cancellationToken, id, error);

    /// <summary>Marks the rebuild completed in the caller's transaction, the one that swapped its tables in.</summary>
    public static async Task CompleteAsync(NpgsqlConnection connection, Guid id, long done, long builtTo, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, $"update {Table} set state = '{RebuildStates.Completed}', finished_at = now(), updated_at = now(), active_for = null, events_done = $2, built_to = $3 where id = $1",
            cancellationToken, id, done, builtTo);

    public async Task<RebuildProgress?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        (await ReadAsync($"where id = $2", cancellationToken, id)).SingleOrDefault();

    /// <summary>The most recent rebuilds, newest first.</summary>
    public Task<List<RebuildProgress>> RecentAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync($"order by requested_at desc limit {limit}", cancellationToken);

    /// <summary>When a rebuild last swapped tables in: answers computed before it are not the tables' any more.</summary>
    public async Task<DateTimeOffset?> LastCompletedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"select max(finished_at) from {Table} where state = '{RebuildStates.Completed}'");
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    private async Task<List<RebuildProgress>> ReadAsync(string condition, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"select {Columns} from {Table} {condition}", [RebuildStates.Active, .. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<RebuildProgress>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(RebuildProgress.Of(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                Nullable(reader, 4), Nullable(reader, 5), reader.GetInt64(6), reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetInt64(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetFieldValue<DateTimeOffset>(10)));
        return found;
    }

    private async Task UpdateAsync(string set, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"update {Table} set {set}, updated_at = now() where id = $1", cancellationToken, parameters);
    }

    private static DateTimeOffset? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return command;
    }
}
