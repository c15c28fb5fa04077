using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Reintegration.Benchmarks.Report;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;

namespace Reintegration.Benchmarks.Scenarios;

/// <summary>
/// Single registrations posted to Intake as <c>application/cloudevents+json</c>, open loop: each
/// request leaves on its own schedule whether or not earlier ones were answered, as independent
/// field apps would send them. Latency counts from the scheduled moment, so a stalled client or
/// server shows up in the figures instead of silently sending less (coordinated omission).
/// </summary>
public static class SingleEventLatency
{
    public const string ContentType = "application/cloudevents+json";
    private const int WarmUp = 50;

    /// <param name="Posted">Registrations posted, warm-up included: what Reporting should gain.</param>
    /// <param name="Answered">From the first scheduled send to the last answer: longer than the schedule when Intake fell behind.</param>
    /// <param name="Finished">Stopwatch timestamp of the last answer.</param>
    /// <param name="WorstBySecond">The slowest answer to the requests scheduled in each second of the run: when stalls happened, and how long they lasted.</param>
    public sealed record Result(
        int Rate, TimeSpan Duration, int Sent, int Posted, Latencies Latency, double MaxSendLagMs, TimeSpan Answered, long Finished,
        IReadOnlyList<double> WorstBySecond);

    public static async Task<Result> RunAsync(Services services, int seed, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = WarmUp + count, Seed = seed, NotAfter = DateTimeOffset.UtcNow });
        var events = programme.RegistrationEvents;

        // Warm-up, one at a time and not counted: connections opened, the single-event path JIT-compiled.
        for (var i = 0; i < WarmUp; i++) await PostAsync(services.Intake, events[i], cancellationToken);

        var period = TimeSpan.FromSeconds(1.0 / rate);
        var latencies = new double[count];
        var sends = new Task[count];
        double maxLag = 0;
        var started = Stopwatch.GetTimestamp();

        // A dedicated thread keeps the schedule: thread-pool timers drift when the pool is busy.
        var pacer = new Thread(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var due = started + (long)(i * period.TotalSeconds * Stopwatch.Frequency);
                WaitUntil(due);
                maxLag = Math.Max(maxLag, Stopwatch.GetElapsedTime(due).TotalMilliseconds);
                var index = i;
                sends[i] = Task.Run(async () =>
                {
                    await PostAsync(services.Intake, events[WarmUp + index], cancellationToken);
                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                }, cancellationToken);
            }
        }) { IsBackground = true, Name = "open-loop pacer", Priority = ThreadPriority.AboveNormal };
        pacer.Start();
        await Task.Run(pacer.Join, cancellationToken);
        await Task.WhenAll(sends);

        var finished = Stopwatch.GetTimestamp();
        var worstBySecond = latencies.Chunk(rate).Select(second => second.Max()).ToList();
        return new Result(rate, duration, count, WarmUp + count, new Latencies(latencies), maxLag, Stopwatch.GetElapsedTime(started, finished), finished, worstBySecond);
    }

    private static void WaitUntil(long due)
    {
        while (true)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (left <= TimeSpan.Zero) return;
            // Sleep for all but the last 2 ms, then yield until due: Sleep alone overshoots by ~1 ms.
            if (left > TimeSpan.FromMilliseconds(2)) Thread.Sleep(left - TimeSpan.FromMilliseconds(2));
            else Thread.Yield();
        }
    }

    private static async Task PostAsync(HttpClient intake, PartnerEvent e, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(e.Utf8Json);
        content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        using var response = await intake.PostAsync("events", content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new BenchmarkFailure(
                $"A new registration posted alone was answered {(int)response.StatusCode}, not 202: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }
}
