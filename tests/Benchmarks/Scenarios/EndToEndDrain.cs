using System.Diagnostics;
using Reintegration.Benchmarks.Report;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.Benchmarks.Scenarios;

/// <summary>
/// A whole programme, posted as the partners would (the simulator's plan: registrations, awareness
/// events, sessions, late registrations, about 5% of batches resent), timed from the first post
/// until Reporting's <c>GET /indicators</c> shows exactly what the programme should add to the
/// figures it showed before. That is every event through its service's store, the publishing
/// subscription, RabbitMQ, Reporting's consumers and Reporting's async projections.
/// </summary>
public static class EndToEndDrain
{
    public sealed record Result(
        int Returnees, int DistinctEvents, int PostedEvents, int Batches, int Concurrency,
        TimeSpan Posting, TimeSpan Drained, Throughput Events, Latencies Polls, IReadOnlyDictionary<string, long> Shown,
        IReadOnlyDictionary<PartnerService, ServicePosting> ByService);


    public static async Task<Result> RunAsync(
        Services services, int seed, int returnees, int concurrency, IReadOnlyDictionary<string, long> before,
        TimeSpan pollInterval, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = returnees, Seed = seed, NotAfter = DateTimeOffset.UtcNow });
        var plan = programme.Batches(PostingPlan.MaxBatchSize);
        foreach (var batch in plan.Batches) _ = batch.Utf8Json; // serialised before the clock starts
        var expected = Headline.Plus(before, ExpectedIndicators.Headline(programme));

        var started = Stopwatch.GetTimestamp();
        var postingTime = TimeSpan.Zero;
        var timer = new PostingTimer(started);
        var posting = Task.Run(async () =>
        {
            var tally = await services.Partner(concurrency).RunAsync(plan, timer, cancellationToken);
            postingTime = Stopwatch.GetElapsedTime(started);
            if (tally.Rejections.Count > 0)
                throw new BenchmarkFailure($"{tally.Rejections.Count} events of the programme were rejected, e.g. {tally.Rejections[0]}");
            if (tally.Accepted != plan.DistinctEventCount || tally.Duplicate != plan.RetriedEventCount)
                throw new BenchmarkFailure(
                    $"Expected {plan.DistinctEventCount} accepted and {plan.RetriedEventCount} duplicates; the services answered {tally}.");
        }, cancellationToken);

        var watched = await ReportingWatch.UntilShowsAsync(services, expected, started, pollInterval, timeout, posting, cancellationToken);
        await posting;

        return new Result(
            returnees, plan.DistinctEventCount, plan.PostedEventCount, plan.Batches.Count, concurrency,
            postingTime, watched.Elapsed, new Throughput(plan.DistinctEventCount, watched.Elapsed), watched.Polls, watched.Values, timer.ByService());
    }
}
