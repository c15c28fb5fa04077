using System.Diagnostics;
using Reintegration.Benchmarks.Report;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.Benchmarks.Scenarios;

/// <summary>
/// Registrations from the simulator posted to Intake's <c>POST /events</c> in batches of 500,
/// with a fixed number of posts in flight. Only the registrations, and no retries: this
/// measures how fast Intake takes new events, so every one must come back accepted. No new
/// batch starts once the time budget is spent, which bounds the phase on a crowded machine;
/// the rate is over what was posted.
/// </summary>
public static class BatchIngestion
{
    /// <param name="Finished">Stopwatch timestamp of the last answer, for timing what follows it.</param>
    public sealed record Result(int Concurrency, int BatchSize, int Planned, Throughput Events, Latencies BatchLatency, long Finished);

    /// <summary>The phase's registrations, generated and serialised in their batches.</summary>
    public sealed record Plan(int Returnees, int BatchSize, IReadOnlyList<PostingBatch> Batches);

    /// <summary>
    /// Generates and serialises the registrations: before the phase, so that neither its clock nor
    /// its CPU meter counts the load generator's preparation (the meter had counted it in the phase,
    /// against the services' ingestion, though the clock had not).
    /// </summary>
    public static Plan Prepare(int seed, int registrations, int batchSize)
    {
        var programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = registrations, Seed = seed, NotAfter = DateTimeOffset.UtcNow });
        // Registrations only: the rest of a case depends on them, so it cannot go in the same concurrent posts.
        var batches = programme.RegistrationEvents.Chunk(batchSize).Select((chunk, i) => PostingBatch.Of(i, PartnerService.Intake, "registrations", chunk)).ToList();
        foreach (var batch in batches) _ = batch.Utf8Json;
        return new Plan(programme.Returnees.Count, batchSize, batches);
    }

    public static async Task<Result> RunAsync(Services services, Plan plan, int concurrency, TimeSpan budget, CancellationToken cancellationToken)
    {
        var batches = plan.Batches;
        var partner = services.Partner();
        var latencies = new double?[batches.Count];
        var tallies = new BatchTally?[batches.Count];
        var next = -1;

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while (Stopwatch.GetElapsedTime(started) < budget && (i = Interlocked.Increment(ref next)) < batches.Count)
            {
                var posted = Stopwatch.GetTimestamp();
                tallies[i] = await partner.PostBatchAsync(batches[i], cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(posted).TotalMilliseconds;
            }
        }));
        var finished = Stopwatch.GetTimestamp();
        var answered = tallies.OfType<BatchTally>().ToList();
        var events = new Throughput(answered.Sum(t => t.Accepted), Stopwatch.GetElapsedTime(started, finished));

        var rejections = answered.SelectMany(t => t.Rejections).ToList();
        if (rejections.Count > 0)
            throw new BenchmarkFailure($"Intake rejected {rejections.Count} new registrations, e.g. {rejections[0]}");
        var posted = answered.Sum(t => t.Events);
        if (events.Count != posted)
            throw new BenchmarkFailure($"Intake accepted {events.Count} of {posted} new registrations ({answered.Sum(t => t.Duplicate)} duplicates).");

        return new Result(concurrency, plan.BatchSize, plan.Returnees, events, new Latencies(latencies.OfType<double>()), finished);
    }
}
