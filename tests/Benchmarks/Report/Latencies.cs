namespace Reintegration.Benchmarks.Report;

/// <summary>A set of latencies in milliseconds, summarised by nearest-rank percentiles.</summary>
public sealed class Latencies
{
    private readonly double[] _sorted;

    public Latencies(IEnumerable<double> milliseconds)
    {
        _sorted = [.. milliseconds];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);
    public double Max => Count == 0 ? double.NaN : _sorted[^1];
    public double Mean => Count == 0 ? double.NaN : _sorted.Average();

    /// <summary>Nearest rank: the smallest value with at least p% of the values at or below it.</summary>
    public double Percentile(double p)
    {
        if (Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * Count);
        return _sorted[Math.Clamp(rank - 1, 0, Count - 1)];
    }
}
