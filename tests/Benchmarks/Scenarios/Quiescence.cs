using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace Reintegration.Benchmarks.Scenarios;

/// <summary>
/// Waits until nothing is left in flight in the run's backend, so that what Reporting shows is
/// all it will show of what was posted so far: every service's projections, subscriptions and
/// high-water mark at its last committed event (the positions the services' own health detail
/// judges, read from PostgreSQL), no message in any of the run's queues (ready or unacknowledged),
/// and the headline figures unchanged, all of it on every poll (a second apart) for six seconds:
/// longer than the 5 s in which RabbitMQ's management API refreshes a queue's counts. A drain
/// measured after it can then expect exactly those figures plus its own programme's.
/// </summary>
public static class Quiescence
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private const int SettledPolls = 6;

    public sealed record Result(TimeSpan Elapsed, IReadOnlyDictionary<string, long> Figures);

    public static async Task<Result> UntilSettledAsync(Services services, string postgres, Uri rabbitMq, Uri management, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var broker = Management(rabbitMq, management);
        var vhost = Uri.EscapeDataString(Uri.UnescapeDataString(rabbitMq.AbsolutePath.TrimStart('/')) is { Length: > 0 } v ? v : "/");
        Dictionary<string, long>? previous = null;
        var settledPolls = 0;
        var polls = 0;
        while (true)
        {
            string why;
            try
            {
                var behind = await BehindAsync(postgres, cancellationToken);
                var queued = await QueuedAsync(broker, vhost, cancellationToken);
                var (figures, _) = await services.HeadlineAsync(cancellationToken);
                var same = previous is not null && Headline.Same(previous, figures);
                settledPolls = behind.Count == 0 && queued == 0 && same ? settledPolls + 1 : 0;
                if (settledPolls >= SettledPolls) return new Result(Stopwatch.GetElapsedTime(started), figures);
                why = behind.Count > 0 ? $"behind: {string.Join(", ", behind)}" : queued > 0 ? $"{queued} messages in the run's queues" : same ? $"steady for {settledPolls} of {SettledPolls} polls" : "figures still moving";
                why += $"; Reporting shows {Headline.Line(figures)}";
                previous = figures;
            }
            catch (Exception e) when (e is HttpRequestException or NpgsqlException or BenchmarkFailure or TaskCanceledException
                                      && !cancellationToken.IsCancellationRequested)
            {
                // The shared PostgreSQL or RabbitMQ (its management API) away for a moment, or an
                // answer that failed: not settled, and the steadiness starts again.
                settledPolls = 0;
                previous = null;
                why = $"could not look: {e.GetType().Name}: {e.Message}";
            }

            if (++polls % 15 == 0) Console.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} not settled yet: {why}");
            if (Stopwatch.GetElapsedTime(started) > timeout)
                throw new BenchmarkFailure($"the backend did not settle within {timeout.TotalSeconds:0} s ({why}).");
            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>Each store's shards (and high-water mark) behind its last committed event, as "schema.shard at N of M".</summary>
    /// <remarks>A shard with no progress row yet is not seen; the figures' steadiness covers it.</remarks>
    private static async Task<List<string>> BehindAsync(string postgres, CancellationToken cancellationToken)
    {
        // A connection per look (from the pool): one that a database restart broke is not reused.
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(cancellationToken);
        var schemas = new List<string>();
        await using (var find = new NpgsqlCommand(
                         "select table_schema from information_schema.tables where table_name = 'mt_event_progression' " +
                         "and exists (select 1 from information_schema.tables e where e.table_schema = tables.table_schema and e.table_name = 'mt_events') order by 1",
                         connection))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) schemas.Add(reader.GetString(0));

        var behind = new List<string>();
        foreach (var schema in schemas)
        {
            var quoted = "\"" + schema.Replace("\"", "\"\"") + "\"";
            await using var command = new NpgsqlCommand(
                $"select p.name, p.last_seq_id, e.last from {quoted}.mt_event_progression p, " +
                $"(select coalesce(max(seq_id), 0) as last from {quoted}.mt_events) e " +
                // Shards ("name:key") and the high-water mark; Marten's other rows there
                // (HighWaterStuckGap, HighWaterAllocationFence) record where it skipped, not a position.
                "where p.last_seq_id < e.last and (p.name = 'HighWaterMark' or p.name like '%:%')", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                behind.Add($"{schema}.{reader.GetString(0)} at {reader.GetInt64(1)} of {reader.GetInt64(2)}");
        }

        return behind;
    }

    /// <summary>Messages in the vhost's queues, ready and unacknowledged.</summary>
    private static async Task<long> QueuedAsync(HttpClient broker, string vhost, CancellationToken cancellationToken)
    {
        var queues = JsonNode.Parse(await broker.GetStringAsync($"api/queues/{vhost}?columns=name,messages", cancellationToken)) as JsonArray ?? [];
        return queues.Sum(q => q?["messages"]?.GetValue<long>() ?? 0);
    }

    private static HttpClient Management(Uri rabbitMq, Uri management)
    {
        var credentials = rabbitMq.UserInfo is { Length: > 0 } info ? Uri.UnescapeDataString(info) : "guest:guest";
        var client = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client;
    }
}
