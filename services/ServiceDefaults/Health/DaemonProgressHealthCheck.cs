using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reintegration.ServiceDefaults.Health;

/// <summary>
/// Unhealthy when any projection or subscription stops advancing while committed events wait.
/// Progress lives in PostgreSQL, so every replica answers the same whichever one runs the daemon.
/// A registered shard with no progress row yet counts as at position 0: one that has never
/// completed a page is the most stalled of all.
/// </summary>
public sealed class DaemonProgressHealthCheck(IDocumentStore store, DaemonProgressMonitor monitor, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var progress = (await store.Advanced.AllProjectionProgress(token: cancellationToken))
                .ToDictionary(s => s.ShardName, s => s.Sequence);
            var shards = ((DocumentStore)store).Options.Projections.AllShards()
                .Select(s => new ShardState(s.Name.Identity, progress.GetValueOrDefault(s.Name.Identity)));
            var statistics = await store.Advanced.FetchEventStoreStatistics(token: cancellationToken);

            var stalled = monitor.Stalled(shards, statistics.EventSequenceNumber, clock.GetUtcNow());
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
