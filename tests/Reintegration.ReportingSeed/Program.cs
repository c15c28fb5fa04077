using System.Diagnostics;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Reintegration.Reporting;
using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;
using Reintegration.Reporting.Returnees;
using Reintegration.Reporting.Workers;
using Reintegration.ReportingSeed;
using Weasel.Core;

// Seeds Reporting's own log in bulk (COPY) in a database of its own, rebuilds the indicator read
// models from it with the projection daemon, and measures how fast GET /indicators' questions are
// answered at that size, against one SQL aggregate over a flat table as baseline.
//
//   dotnet run --project tests/Reintegration.ReportingSeed -c Release -- --returnees 1000000 --activities 10 [--database NAME] [--keep]
//
// The connection comes from ConnectionStrings__Postgres (its database is only used to create the
// seeding one, dropped at the end unless --keep).
var returnees = Option("--returnees", 100_000);
var activities = Option("--activities", 10);
var keep = args.Contains("--keep");
var admin = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? throw new InvalidOperationException("Set ConnectionStrings__Postgres");
var database = args.SkipWhile(a => a != "--database").Skip(1).FirstOrDefault() ?? $"seed_reporting_{returnees}";
var connection = new NpgsqlConnectionStringBuilder(admin) { Database = database, CommandTimeout = 0 }.ConnectionString;

await ExecuteAsync(admin, $"drop database if exists {database} with (force)");
await ExecuteAsync(admin, $"create database {database}");
var plan = new SeedPlan(returnees, activities);
ReadModel<ReturneeFacts> returneeModel = new ReturneeReadModel();
ReadModel<WorkerFacts> workerModel = new WorkerReadModel();
ReadModel<ActivityFacts> activityModel = new ActivityReadModel();
using var store = DocumentStore.For(options =>
{
    options.Connection(connection);
    options.DatabaseSchemaName = options.Events.DatabaseSchemaName = "reporting";
    options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
    options.Events.AddEventTypes([.. ReportingLog.EventTypes]);
    options.AddReadModel(returneeModel);
    options.AddReadModel(workerModel);
    options.AddReadModel(activityModel);
});
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

var clock = Stopwatch.StartNew();
var events = await CopyLogAsync(connection, plan);
Console.WriteLine($"seeded {plan.Returnees:N0} returnees, {events:N0} events by COPY in {clock.Elapsed.TotalSeconds:N1} s ({events / clock.Elapsed.TotalSeconds:N0} events/s)");

using (var daemon = await store.BuildProjectionDaemonAsync())
{
    foreach (var name in new[] { returneeModel.Name, workerModel.Name, activityModel.Name })
    {
        clock.Restart();
        await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(2), CancellationToken.None);
        Console.WriteLine($"rebuilt {name} in {clock.Elapsed.TotalSeconds:N1} s ({events / clock.Elapsed.TotalSeconds:N0} events/s of the log)");
    }
}

// The indexes Reporting's start-up migration adds for the indicators' own exact queries.
foreach (var source in new IIndicatorSource[] { returneeModel, workerModel, activityModel })
    foreach (var index in source.Definitions.Select(d => d.ExactWindow?.Index(source.Tables)).OfType<string>())
        await ExecuteAsync(connection, index);

await using var dataSource = NpgsqlDataSource.Create(connection);
var reader = new IndicatorReader(new ReportingDatabase(dataSource), [returneeModel, workerModel, activityModel], Options.Create(new IndicatorOptions()));
var all = await reader.ReadAsync(IndicatorFilter.Everything, CancellationToken.None);
Console.WriteLine($"check: returnees-registered {all.Single(f => f.Code == "returnees-registered").Total.Value} (seeded {plan.Returnees}), "
                  + $"counselling-sessions {all.Single(f => f.Code == "counselling-sessions").Total.Value}, returnees-reached {all.Single(f => f.Code == "returnees-reached").Total.Value}");
await ExecuteAsync(connection, """
    create unlogged table public.flat_sessions as
    select (s.body->>'returnee_id')::uuid as returnee_id, (s.body->>'held_on')::date as day, r.body->>'region' as region
    from reporting.returnee_facts_rows s join reporting.returnee_facts_rows r on r.fact = 'returnee' and r.key = s.body->>'returnee_id' where s.fact = 'session';
    create index on public.flat_sessions (day); analyze public.flat_sessions;
    """);

(string Name, IndicatorFilter Filter, string Baseline)[] questions =
[
    ("no filter", IndicatorFilter.Everything, "select count(*), count(distinct returnee_id) from public.flat_sessions"),
    ("a region", new IndicatorFilter(Region: "kita"), "select count(*), count(distinct returnee_id) from public.flat_sessions where region = 'kita'"),
    ("a quarter", new IndicatorFilter(new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30)),
        "select count(*), count(distinct returnee_id) from public.flat_sessions where day between '2026-04-01' and '2026-06-30'"),
    ("a region x month", new IndicatorFilter(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), "kita"),
        "select count(*), count(distinct returnee_id) from public.flat_sessions where region = 'kita' and day between '2026-05-01' and '2026-05-31'"),
    ("an arbitrary window", new IndicatorFilter(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 20)),
        "select count(*), count(distinct returnee_id) from public.flat_sessions where day between '2026-03-10' and '2026-04-20'"),
    ("a monthly series", new IndicatorFilter(Interval: Grain.Month), "select date_trunc('month', day), count(distinct returnee_id) from public.flat_sessions group by 1"),
];
Console.WriteLine("| question | cold ms | warm p50 ms | warm p95 ms | baseline (one aggregate over flat sessions) ms |");
Console.WriteLine("| --- | --- | --- | --- | --- |");
foreach (var (name, filter, baseline) in questions)
{
    var cold = await TimeAsync(() => reader.ReadAsync(filter, CancellationToken.None));
    var warm = new List<double>();
    for (var i = 0; i < 40; i++) warm.Add(await TimeAsync(() => reader.ReadAsync(filter, CancellationToken.None)));
    var flat = new List<double>();
    for (var i = 0; i < 5; i++) flat.Add(await TimeAsync(() => ExecuteAsync(connection, baseline)));
    warm.Sort();
    flat.Sort();
    Console.WriteLine($"| {name} | {cold:N1} | {warm[warm.Count / 2]:N1} | {warm[(int)(warm.Count * 0.95)]:N1} | {flat[flat.Count / 2]:N1} |");
}

foreach (var table in new[] { "returnee_facts_cells", "returnee_facts_hits", "worker_facts_cells", "activity_facts_cells" })
    Console.WriteLine($"{table}: {await ScalarAsync(connection, $"select count(*) from reporting.{table}")} rows");
if (!keep)
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(admin, $"drop database if exists {database} with (force)");
}

return;

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

static async Task<double> TimeAsync(Func<Task> action)
{
    var watch = Stopwatch.StartNew();
    await action();
    return watch.Elapsed.TotalMilliseconds;
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

static async Task<object?> ScalarAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return await command.ExecuteScalarAsync();
}

// Marten's default event type alias: the type's name in snake case (CounsellingSessionReported → counselling_session_reported).
static string SnakeCase(string name) =>
    string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

// Writes the streams, then the events, by binary COPY in the shape Marten stores them (its type
// alias and .NET type name, camelCase JSON), and moves the event sequence past them.
static async Task<long> CopyLogAsync(string connectionString, SeedPlan plan)
{
    var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var streams = await connection.BeginBinaryImportAsync("copy reporting.mt_streams (id, version, timestamp, created) from stdin (format binary)"))
    {
        foreach (var (stream, events) in plan.Streams())
        {
            await streams.StartRowAsync();
            await streams.WriteAsync(stream, NpgsqlDbType.Uuid);
            await streams.WriteAsync((long)events.Count, NpgsqlDbType.Bigint);
            await streams.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
            await streams.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
        }

        await streams.CompleteAsync();
    }

    long sequence = 0;
    var aliases = new Dictionary<Type, string>();
    await using (var rows = await connection.BeginBinaryImportAsync(
                     "copy reporting.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type) from stdin (format binary)"))
    {
        foreach (var (stream, events) in plan.Streams())
            for (var version = 0; version < events.Count; version++)
            {
                var e = events[version];
                var type = e.GetType();
                if (!aliases.TryGetValue(type, out var alias)) aliases[type] = alias = SnakeCase(type.Name);
                await rows.StartRowAsync();
                await rows.WriteAsync(++sequence, NpgsqlDbType.Bigint);
                await rows.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await rows.WriteAsync(stream, NpgsqlDbType.Uuid);
                await rows.WriteAsync((long)version + 1, NpgsqlDbType.Bigint);
                await rows.WriteAsync(JsonSerializer.Serialize(e, type, json), NpgsqlDbType.Jsonb);
                await rows.WriteAsync(alias, NpgsqlDbType.Varchar);
                await rows.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                await rows.WriteAsync($"{type.FullName}, {type.Assembly.GetName().Name}", NpgsqlDbType.Varchar);
            }

        await rows.CompleteAsync();
    }

    await using var setval = new NpgsqlCommand($"select setval('reporting.mt_events_sequence', {sequence})", connection);
    await setval.ExecuteNonQueryAsync();
    return sequence;
}
