using JasperFx.Events.Projections;
using Marten;

namespace Reintegration.ServiceDefaults.Health;

/// <summary>
/// Where every projection and subscription, and the high-water mark they all wait on, stand in
/// PostgreSQL, and the last committed event: what the detail check and the daemon's watchdog both
/// judge. A registered shard with no progress row yet counts as at position 0. "Committed" is the
/// last event in the table, not the sequence's last value: a fresh store's sequence stands at 1
/// with no event behind it, and a rolled-back commit leaves numbers no event will ever have.
/// </summary>
public sealed class DaemonProgressReader(IDocumentStore store)
{
    public async Task<(IReadOnlyList<ShardState> Shards, long LastCommitted)> ReadAsync(CancellationToken cancellationToken)
    {
        var progress = (await store.Advanced.AllProjectionProgress(token: cancellationToken))
            .ToDictionary(s => s.ShardName, s => s.Sequence);
        var shards = ((DocumentStore)store).Options.Projections.AllShards()
            .Select(s => s.Name.Identity)
            .Append(ShardState.HighWaterMark)
            .Select(name => new ShardState(name, progress.GetValueOrDefault(name)))
            .ToList();
        return (shards, await LastCommittedAsync(cancellationToken));
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
