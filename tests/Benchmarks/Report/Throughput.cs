namespace Reintegration.Benchmarks.Report;

/// <summary>How many things were done in how long.</summary>
public sealed record Throughput(long Count, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : double.NaN;

    public static Throughput Since(long count, long startTimestamp) =>
        new(count, System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp));
}
