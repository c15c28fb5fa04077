using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reintegration.ServiceDefaults.Health;

/// <summary>
/// Unhealthy when any projection or subscription, or the high-water mark they all wait on, stops
/// advancing while committed events wait beyond it (<see cref="DaemonProgressReader"/>,
/// <see cref="DaemonProgressMonitor"/>). Progress lives in PostgreSQL, so every replica answers
/// the same whichever one runs the daemon.
/// </summary>
public sealed class DaemonProgressHealthCheck(DaemonProgressReader reader, DaemonProgressMonitor monitor, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var (shards, lastCommitted) = await reader.ReadAsync(cancellationToken);
            var stalled = monitor.Stalled(shards, lastCommitted, clock.GetUtcNow());
            return stalled.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"not advancing for {monitor.StallAfter.TotalSeconds:0}s: {string.Join(", ", stalled)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("cannot read the daemon's progress", ex);
        }
    }
}
