using System.Diagnostics;
using Reintegration.Benchmarks.Report;

namespace Reintegration.Benchmarks.Scenarios;

/// <summary>
/// Polls <c>GET /indicators</c> until Reporting shows exactly the expected headline figures.
/// Each poll waits for the previous answer, then the interval: a slow answer slows the polling,
/// never piles requests onto Reporting.
/// </summary>
public static class ReportingWatch
{
    public sealed record Result(TimeSpan Elapsed, IReadOnlyDictionary<string, long> Values, Latencies Polls);

    /// <param name="started">Stopwatch timestamp the elapsed time counts from.</param>
    /// <param name="posting">Posts still running: a match counts only once they are all answered, and their failure ends the wait.</param>
    public static async Task<Result> UntilShowsAsync(
        Services services, IReadOnlyDictionary<string, long> expected, long started,
        TimeSpan interval, TimeSpan timeout, Task? posting, CancellationToken cancellationToken)
    {
        var polls = new List<double>();
        while (true)
        {
            if (posting is { IsFaulted: true }) await posting; // rethrows what went wrong

            var (values, took) = await services.HeadlineAsync(cancellationToken);
            polls.Add(took.TotalMilliseconds);
            var elapsed = Stopwatch.GetElapsedTime(started);

            if ((posting is null || posting.IsCompletedSuccessfully) && Headline.Same(values, expected))
                return new Result(elapsed, values, new Latencies(polls));
            if (Headline.Overshoots(values, expected))
                throw new BenchmarkFailure($"Reporting shows more than was posted: {Headline.Line(values)}; expected {Headline.Line(expected)}.");
            if (elapsed > timeout)
                throw new BenchmarkFailure(
                    $"Reporting still shows {Headline.Line(values)} after {elapsed.TotalSeconds:0} s; expected {Headline.Line(expected)}.");

            await Task.Delay(interval, cancellationToken);
        }
    }
}
