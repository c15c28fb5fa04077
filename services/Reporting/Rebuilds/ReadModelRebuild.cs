using System.Threading.Channels;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Reintegration.Reporting.Bi;
using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Rebuilds;

/// <summary>A read model that can be rebuilt from Reporting's log, by name.</summary>
public interface IReadModelRebuild
{
    string Name { get; }

    Task RunAsync(Guid id, RebuildLedger ledger, CancellationToken cancellationToken);
}

/// <summary>
/// Rebuilds one read model from Reporting's own log, blue/green: the live tables keep answering
/// (and the daemon keeps them current) while a second set is filled, and the second set takes
/// their place only once it holds exactly what they hold.
/// <list type="number">
/// <item>Load: every event up to where the daemon's projection stands, read in one pass (stream
/// by stream when each event is about its own stream, so one subject at a time is in memory),
/// folded with the read model's own <c>Evolve</c> and <c>Contribute</c>, and written by binary
/// COPY into bare tables; the cells summed in memory (they are few) and written last.</item>
/// <item>Index like the live tables, then catch up with what the daemon applied meanwhile, by
/// the daemon's own page algorithm (<see cref="FactsPage"/>), until within a few thousand events.</item>
/// <item>Swap, in one transaction: lock the live tables (which waits for the daemon's page in
/// flight and holds the next), apply the last events up to the daemon's position, rename, point
/// the BI views at the new tables. The daemon goes on from its position, on the new tables.</item>
/// </list>
/// </summary>
public sealed class ReadModelRebuild<TState>(ReadModel<TState> model, IDocumentStore store, ReportingDatabase database, LogReader log)
    : IReadModelRebuild where TState : class, IFactState
{
    /// <summary>Close enough to swap: what is left is applied with the live tables locked, so it must be small.</summary>
    public const long SwapWithin = 5_000;

    private const int Page = 5_000;
    private const int ProgressEvery = 25_000;
    private const int StatesPerBatch = 256;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    private readonly string _states = store.Options.FindOrResolveDocumentType(typeof(TState)).TableName.QualifiedName;
    private readonly ISerializer _serializer = store.Options.Serializer();

    public string Name => model.Name;

    private string Shard => $"{model.Name}:All";

    /// <summary>The event types this read model reads, as the log names them: the others are never read.</summary>
    private string[] Aliases => _aliases ??= log.Aliases(model.EventTypes);

    private string[]? _aliases;

    private ShadowTables Shadow => _shadow ??= new([_states, model.Tables.Cells, model.Tables.Hits, model.Tables.Rows]);

    private ShadowTables? _shadow;

    public async Task RunAsync(Guid id, RebuildLedger ledger, CancellationToken cancellationToken)
    {
        using var beating = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = BeatAsync(id, ledger, beating.Token);
        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            var builtTo = await PositionAsync(connection, cancellationToken);
            var total = await CountAsync(connection, 0, builtTo, cancellationToken);
            await ledger.StartAsync(id, total, cancellationToken);

            await Shadow.CreateAsync(connection, cancellationToken);
            var done = await LoadAsync(builtTo, (n, ct) => ledger.ProgressAsync(id, RebuildStates.Loading, n, total, null, ct), cancellationToken);
            await ledger.ProgressAsync(id, RebuildStates.Indexing, done, total, builtTo, cancellationToken);
            await Shadow.IndexAsync(connection, cancellationToken);

            while (await PositionAsync(connection, cancellationToken) is var position && position - builtTo > SwapWithin)
            {
                total += await CountAsync(connection, builtTo, position, cancellationToken);
                done += await CatchUpAsync(connection, builtTo, position, cancellationToken);
                builtTo = position;
                await ledger.ProgressAsync(id, RebuildStates.CatchingUp, done, total, builtTo, cancellationToken);
            }

            await SwapAsync(id, connection, builtTo, done, cancellationToken);
        }
        finally
        {
            await beating.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>
    /// Reads and folds on one task, and hands finished states in batches to one writer per core,
    /// each with COPY connections and cells of its own (merged at the end): contributing and
    /// serialising cost several times what reading and folding do.
    /// </summary>
    private async Task<long> LoadAsync(long upTo, Func<long, CancellationToken, Task> progress, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = Channel.CreateBounded<List<TState>>(new BoundedChannelOptions(2 * Writers) { SingleWriter = true });
        var writers = Enumerable.Range(0, Writers).Select(_ => WriteStatesAsync(finished.Reader, failed)).ToList();

        long done = 0;
        try
        {
            await using var read = await database.DataSource.OpenConnectionAsync(cancellationToken);
            var open = new Dictionary<Guid, TState>();
            var batch = new List<TState>(StatesPerBatch);
            async Task FinishOpenAsync(bool all)
            {
                batch.AddRange(open.Values);
                open.Clear();
                if (batch.Count < StatesPerBatch && !all) return;
                await finished.Writer.WriteAsync(batch, failed.Token);
                batch = new List<TState>(StatesPerBatch);
            }

            var stream = Guid.Empty;
            var events = model.SubjectsAreStreams ? log.ByStreamAsync(read, Aliases, upTo, cancellationToken) : log.RangeAsync(read, Aliases, 0, upTo, cancellationToken);
            await foreach (var e in events)
            {
                if (model.SubjectsAreStreams && e.StreamId != stream)
                {
                    await FinishOpenAsync(all: false);
                    stream = e.StreamId;
                }

                foreach (var subject in model.SubjectsOf(e)) open[subject] = model.Evolve(open.GetValueOrDefault(subject), subject, e);
                if (++done % ProgressEvery == 0) await progress(done, cancellationToken);
            }

            await FinishOpenAsync(all: true);
            finished.Writer.Complete();
        }
        catch (Exception ex)
        {
            finished.Writer.TryComplete(ex);
            await failed.CancelAsync();
            // A writer's failure is the cause of the reader's cancellation: surface it.
            foreach (var writer in writers.Where(w => w.IsFaulted)) await writer;
            throw;
        }

        var daily = new Dictionary<CellKey, CellValue>();
        var held = new Dictionary<CellKey, CellValue>();
        foreach (var part in await Task.WhenAll(writers))
        {
            CellSums.AddAll(daily, part.Daily);
            CellSums.AddAll(held, part.Held);
        }

        await using (var connection = await database.Bulk.OpenConnectionAsync(cancellationToken))
            await WriteCellsAsync(connection, Shadow.Next[1], CellSums.Expand(daily, held), cancellationToken);
        await progress(done, cancellationToken);
        return done;
    }

    private static int Writers => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>One writer: what each state contributes, by COPY; the cells summed here (day cells not yet expanded), returned.</summary>
    private async Task<(Dictionary<CellKey, CellValue> Daily, Dictionary<CellKey, CellValue> Held)> WriteStatesAsync(ChannelReader<List<TState>> finished, CancellationTokenSource failed)
    {
        var cancellationToken = failed.Token;
        try
        {
            var next = Shadow.Next;
            await using var statesConnection = await database.Bulk.OpenConnectionAsync(cancellationToken);
            await using var hitsConnection = await database.Bulk.OpenConnectionAsync(cancellationToken);
            await using var rowsConnection = await database.Bulk.OpenConnectionAsync(cancellationToken);
            await using var states = await statesConnection.BeginBinaryImportAsync($"copy {next[0]} (id, data, mt_dotnet_type) from stdin (format binary)", cancellationToken);
            await using var hits = await hitsConnection.BeginBinaryImportAsync($"copy {next[2]} (indicator, person, day, region, keys) from stdin (format binary)", cancellationToken);
            await using var rows = await rowsConnection.BeginBinaryImportAsync($"copy {next[3]} (fact, key, body) from stdin (format binary)", cancellationToken);
            var daily = new Dictionary<CellKey, CellValue>();
            var held = new Dictionary<CellKey, CellValue>();
            // A batch's states share most of their cells (the same months, regions and keys):
            // summed first in small tables that stay in the cache, the large ones are touched
            // once per cell a batch adds to instead of once per state.
            var batchDaily = new Dictionary<CellKey, CellValue>();
            var batchHeld = new Dictionary<CellKey, CellValue>();
            var dotnetType = typeof(TState).FullName!;
            // One state's contributions at a time, written out before the next: one to reuse.
            var contributions = new Contributions();
            await foreach (var batch in finished.ReadAllAsync(cancellationToken))
            {
                foreach (var state in batch)
                {
                    model.Contribute(state, contributions);
                    CellSums.AddAll(batchDaily, contributions.Daily);
                    CellSums.AddAll(batchHeld, contributions.Held);
                    foreach (var (hit, keys) in contributions.Hits)
                    {
                        await hits.StartRowAsync(cancellationToken);
                        await hits.WriteAsync(hit.Indicator, NpgsqlDbType.Text, cancellationToken);
                        await hits.WriteAsync(hit.Person, NpgsqlDbType.Uuid, cancellationToken);
                        await hits.WriteAsync(hit.Day, NpgsqlDbType.Date, cancellationToken);
                        await hits.WriteAsync(hit.Region, NpgsqlDbType.Text, cancellationToken);
                        await hits.WriteAsync(keys.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                    }

                    foreach (var (row, body) in contributions.Rows)
                    {
                        await rows.StartRowAsync(cancellationToken);
                        await rows.WriteAsync(row.Fact, NpgsqlDbType.Text, cancellationToken);
                        await rows.WriteAsync(row.Key, NpgsqlDbType.Text, cancellationToken);
                        await rows.WriteAsync(body, NpgsqlDbType.Jsonb, cancellationToken);
                    }

                    await states.StartRowAsync(cancellationToken);
                    await states.WriteAsync(state.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await states.WriteAsync(_serializer.ToJson(state), NpgsqlDbType.Jsonb, cancellationToken);
                    await states.WriteAsync(dotnetType, NpgsqlDbType.Varchar, cancellationToken);
                }

                CellSums.AddAll(daily, batchDaily);
                CellSums.AddAll(held, batchHeld);
                batchDaily.Clear();
                batchHeld.Clear();
            }

            await states.CompleteAsync(cancellationToken);
            await hits.CompleteAsync(cancellationToken);
            await rows.CompleteAsync(cancellationToken);
            return (daily, held);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !failed.IsCancellationRequested)
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private static async Task WriteCellsAsync(NpgsqlConnection connection, string table, Dictionary<CellKey, CellValue> cells, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"copy {table} (indicator, grain, period, region, dimension, key, n, d) from stdin (format binary)", cancellationToken);
        foreach (var (cell, value) in cells)
        {
            if (value.IsZero) continue;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(cell.Indicator, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(cell.Grain.Code(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(cell.Period, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(cell.Region, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(cell.Dimension, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(cell.Key, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(value.N, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(value.D, NpgsqlDbType.Bigint, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>Applies the events after <paramref name="after"/> up to <paramref name="upTo"/> to the new tables, page by page, as the daemon applies them to the live ones.</summary>
    private async Task<long> CatchUpAsync(NpgsqlConnection connection, long after, long upTo, CancellationToken cancellationToken)
    {
        long done = 0;
        for (var from = after; from < upTo; from += Page)
        {
            var events = new List<IEvent>();
            await foreach (var e in log.RangeAsync(connection, Aliases, from, Math.Min(upTo, from + Page), cancellationToken)) events.Add(e);
            done += events.Count;
            var bySubject = FactsPage.BySubject(model, events);
            if (bySubject.Count == 0) continue;

            var (states, changes) = FactsPage.Fold(model, bySubject, await LoadStatesAsync(connection, bySubject.Keys, cancellationToken));
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(StoreStates(states));
            foreach (var statement in ContributionWriter.Statements(model.Tables.Next, changes))
            {
                var command = new NpgsqlBatchCommand(statement.PositionalSql());
                foreach (var parameter in statement.Parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        return done;
    }

    private async Task<Dictionary<Guid, TState>> LoadStatesAsync(NpgsqlConnection connection, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select data from {Shadow.Next[0]} where id = any($1)", connection) { Parameters = { new NpgsqlParameter { Value = ids.ToArray() } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var known = new Dictionary<Guid, TState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = _serializer.FromJson<TState>(reader, 0);
            known[state.Id] = state;
        }

        return known;
    }

    private NpgsqlBatchCommand StoreStates(List<TState> states) => new($"""
        insert into {Shadow.Next[0]} (id, data, mt_dotnet_type) select * from unnest($1::uuid[], $2::jsonb[], $3::varchar[])
        on conflict (id) do update set data = excluded.data, mt_last_modified = transaction_timestamp()
        """)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = states.Select(s => s.Id).ToArray() },
            new NpgsqlParameter { Value = states.Select(s => _serializer.ToJson(s)).ToArray() },
            new NpgsqlParameter { Value = states.Select(_ => typeof(TState).FullName!).ToArray() },
        },
    };

    /// <summary>
    /// Locks, catches up the last events and swaps, in one transaction; gives way (and tries
    /// again) when a lock is not had within half a second, so the daemon is never the one a
    /// deadlock between them aborts.
    /// </summary>
    private async Task SwapAsync(Guid id, NpgsqlConnection connection, long builtTo, long done, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await ExecuteAsync(connection, "set local lock_timeout = '500ms'", cancellationToken);
                await Shadow.LockAsync(connection, cancellationToken);
                var position = await PositionAsync(connection, cancellationToken);
                done += await CatchUpAsync(connection, builtTo, position, cancellationToken);
                await Shadow.SwapAsync(connection, cancellationToken);
                foreach (var (view, sql) in BiViews.Definitions)
                    await ExecuteAsync(connection, $"create or replace view {BiViews.Schema}.{view} as {sql}", cancellationToken);
                await Shadow.DropRetiredAsync(connection, cancellationToken);
                await RebuildLedger.CompleteAsync(connection, id, done, position, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable && attempt < 60)
            {
                await transaction.RollbackAsync(cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    /// <summary>Where the daemon's projection of this read model stands: the live tables hold every event up to it.</summary>
    private async Task<long> PositionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select last_seq_id from {log.Progression} where name = $1", connection) { Parameters = { new NpgsqlParameter { Value = Shard } } };
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    private async Task<long> CountAsync(NpgsqlConnection connection, long after, long upTo, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select count(*) from {log.Events} where seq_id > $1 and seq_id <= $2 and type = any($3) and is_archived is not true", connection)
        {
            CommandTimeout = 0, Parameters = { new NpgsqlParameter { Value = after }, new NpgsqlParameter { Value = upTo }, new NpgsqlParameter { Value = Aliases } },
        };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task BeatAsync(Guid id, RebuildLedger ledger, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Heartbeat);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                try
                {
                    await ledger.HeartbeatAsync(id, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A missed beat is harmless: the next one comes in ten seconds, long before the rebuild would count as abandoned.
                }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
