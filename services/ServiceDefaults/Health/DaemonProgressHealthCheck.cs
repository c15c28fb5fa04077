using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reintegration.ServiceDefaults.Health;

/// <summary>
/// Unhealthy when any projection or subscription, or the high-water mark they all wait on, stops
/// advancing while committed events wait beyond it. Progress lives in PostgreSQL, so every replica
/// answers the same whichever one runs the daemon. A registered shard with no progress row yet
/// counts as at position 0. "Committed" is the last event in the table, not the sequence's last
/// value: a fresh store's sequence stands at 1 with no event behind it, and a rolled-back commit
/// leaves numbers no event will ever have.
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
                .Select(s => s.Name.Identity)
                .Append(ShardState.HighWaterMark)
                .Select(name => new ShardState(name, progress.GetValueOrDefault(name)));

            var stalled = monitor.Stalled(shards, await LastCommittedAsync(cancellationToken), clock.GetUtcNow());
            return stalled.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"not advancing for {monitor.StallAfter.TotalSeconds:0}s: {string.Join(", ", stalled)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("cannot read the daemon's progress", ex);
        }
    }

    private async Task<long> LastCommittedAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"select coalesce(max(seq_id), 0) from {((DocumentStore)store).Options.Events.DatabaseSchemaName}.mt_events";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
