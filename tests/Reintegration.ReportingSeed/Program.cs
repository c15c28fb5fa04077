using System.Diagnostics;
using System.Text.Json;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Reintegration.Reporting;
using Reintegration.ReportingSeed;
using Weasel.Core;

// Seeds Reporting's own log in bulk (binary COPY) in a database of its own, in the shape Marten
// stores it, and leaves the read models empty but marked as having read the whole log: the state
// of a deployment that lost its read models. build/bench.sh then starts Reporting on it and
// rebuilds them through POST /operations/rebuilds, and measures the indicators at that size.
//
//   dotnet tests/Reintegration.ReportingSeed/bin/Release/net10.0/Reintegration.ReportingSeed.dll --returnees 1000000 --activities 10 --database NAME
//
// The connection comes from ConnectionStrings__Postgres (its database is only used to create the
// seeding one, replaced if it exists). Prints one line for scripts: "seeded EVENTS events in SECONDS s".
// "--drop NAME" drops a seeded database.
if (args is ["--drop", var dropped])
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? throw new InvalidOperationException("Set ConnectionStrings__Postgres"),
        $"drop database if exists {dropped} with (force)");
    return;
}

var returnees = Option("--returnees", 100_000);
var activities = Option("--activities", 10);
var admin = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? throw new InvalidOperationException("Set ConnectionStrings__Postgres");
var database = args.SkipWhile(a => a != "--database").Skip(1).FirstOrDefault() ?? $"seed_reporting_{returnees}";
var connection = new NpgsqlConnectionStringBuilder(admin) { Database = database, CommandTimeout = 0 }.ConnectionString;

await ExecuteAsync(admin, $"drop database if exists {database} with (force)");
await ExecuteAsync(admin, $"create database {database}");
var plan = new SeedPlan(returnees, activities);
using (var store = DocumentStore.For(options =>
       {
           options.Connection(connection);
           options.DatabaseSchemaName = options.Events.DatabaseSchemaName = "reporting";
           options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
           options.Events.AddEventTypes([.. ReportingLog.EventTypes]);
       }))
{
    await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
}

var clock = Stopwatch.StartNew();
var events = await CopyLogAsync(connection, plan);
var seconds = clock.Elapsed.TotalSeconds;
// The daemon's high-water mark and the read models' projections at the end of the log: the
// daemon has nothing to do, and a rebuild reads everything up to there.
await ExecuteAsync(connection, $"""
    insert into reporting.mt_event_progression (name, last_seq_id, last_updated)
    select name, {events}, now() from unnest(array['HighWaterMark', 'returnee_facts:All', 'worker_facts:All', 'activity_facts:All']) as name
    on conflict (name) do update set last_seq_id = excluded.last_seq_id
    """);
await ExecuteAsync(connection, "vacuum analyze reporting.mt_events");
Console.WriteLine($"{plan.Returnees:N0} returnees, {events:N0} events ({events / seconds:N0} events/s by COPY)");
Console.WriteLine($"seeded {events} events in {seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s");
return;

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
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
