namespace Reintegration.Benchmarks;

/// <summary>
/// Something is functionally wrong (a rejection, a wrong figure, a missing message), as opposed
/// to slow. Only this makes the benchmark exit non-zero; a missed target never does.
/// </summary>
public sealed class BenchmarkFailure(string message) : Exception(message);
