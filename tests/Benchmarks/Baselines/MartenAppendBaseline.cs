using System.Diagnostics;
using Marten;
using Reintegration.Benchmarks.Report;

namespace Reintegration.Benchmarks.Baselines;

/// <summary>
/// Marten appends with nothing of ours around them: a DocumentStore of its own in schema
/// <c>bench_raw</c>, no projections, no documents, no daemon. What the services add on top
/// (idempotency records, claims, inline projections, the publishing subscription) is measured
/// against these two figures: batched (one commit per many streams) and one event per commit.
/// </summary>
public static class MartenAppendBaseline
{
    public const string Schema = "bench_raw";

    public sealed record Result(Throughput Batched, int StreamsPerCommit, int EventsPerStream, Throughput OneEventPerCommit, Latencies CommitLatency);

    public static async Task<Result> RunAsync(
        string connectionString, int batchedEvents, int streamsPerCommit, int eventsPerStream, int singleCommits, CancellationToken cancellationToken)
    {
        using var store = await OpenAsync(connectionString);
        var batched = await BatchedAsync(store, batchedEvents, streamsPerCommit, eventsPerStream, cancellationToken);

        var latencies = new List<double>(singleCommits);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < singleCommits; i++)
        {
            var commit = Stopwatch.GetTimestamp();
            await using var session = store.LightweightSession();
            session.Events.StartStream(Guid.CreateVersion7(), new RawRegistered(i, "bamako", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(commit).TotalMilliseconds);
        }

        var single = Throughput.Since(singleCommits, started);
        return new Result(batched, streamsPerCommit, eventsPerStream, single, new Latencies(latencies));
    }

    /// <summary>
    /// The batched figure alone, measured again: the run takes one such round just before each
    /// phase it compares with it, because the machine's own speed moves within a run by more than
    /// the figures compared (see <c>RunResults.MartenBatched</c>).
    /// </summary>
    public static async Task<Throughput> BatchedRoundAsync(
        string connectionString, int batchedEvents, int streamsPerCommit, int eventsPerStream, CancellationToken cancellationToken)
    {
        using var store = await OpenAsync(connectionString);
        return await BatchedAsync(store, batchedEvents, streamsPerCommit, eventsPerStream, cancellationToken);
    }

    private static Task<DocumentStore> OpenAsync(string connectionString) =>
        BaselineStore.OpenAsync(connectionString, Schema, options =>
        {
            options.Events.AddEventType<RawRegistered>();
            options.Events.AddEventType<RawNoted>();
        });

    private static async Task<Throughput> BatchedAsync(
        IDocumentStore store, int events, int streamsPerCommit, int eventsPerStream, CancellationToken cancellationToken)
    {
        await AppendBatchedAsync(store, streamsPerCommit * eventsPerStream * 2, streamsPerCommit, eventsPerStream, cancellationToken); // warm-up
        var started = Stopwatch.GetTimestamp();
        var appended = await AppendBatchedAsync(store, events, streamsPerCommit, eventsPerStream, cancellationToken);
        return Throughput.Since(appended, started);
    }

    private static async Task<long> AppendBatchedAsync(
        IDocumentStore store, int events, int streamsPerCommit, int eventsPerStream, CancellationToken cancellationToken)
    {
        long appended = 0;
        while (appended < events)
        {
            await using var session = store.LightweightSession();
            for (var s = 0; s < streamsPerCommit && appended < events; s++)
            {
                var count = (int)Math.Min(eventsPerStream, events - appended);
                var stream = Enumerable.Range(0, count)
                    .Select(e => e == 0 ? (object)new RawRegistered(s, "kayes", DateTimeOffset.UtcNow) : new RawNoted(s, e, "a small note"))
                    .ToArray();
                session.Events.StartStream(Guid.CreateVersion7(), stream);
                appended += count;
            }

            await session.SaveChangesAsync(cancellationToken);
        }

        return appended;
    }

    public sealed record RawRegistered(int Number, string Region, DateTimeOffset At);

    public sealed record RawNoted(int Number, int Sequence, string Note);
}
