using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;

namespace Reintegration.ServiceDefaults.Health;

/// <summary>
/// Decides whether a projection or subscription has stalled: its position has not moved for
/// longer than the allowed time while events wait beyond it. Marten swallows an
/// <see cref="OperationCanceledException"/> escaping a subscription, leaving the agent "running"
/// with a frozen position, so only watching the position tells. Pure apart from its memory of
/// when each position last moved.
/// </summary>
public sealed class DaemonProgressMonitor(IConfiguration configuration)
{
    private readonly Dictionary<string, (long Sequence, DateTimeOffset Since)> _lastMoved = new();
    private readonly Lock _gate = new();

    public TimeSpan StallAfter { get; } =
        TimeSpan.FromSeconds(configuration.GetValue("Daemon:StallAfterSeconds", 60.0));

    /// <summary>Returns the shards that have not advanced for <see cref="StallAfter"/> while behind <paramref name="ceiling"/>.</summary>
    public IReadOnlyList<string> Stalled(IEnumerable<ShardState> shards, long ceiling, DateTimeOffset now)
    {
        var stalled = new List<string>();
        lock (_gate)
        {
            foreach (var shard in shards.Where(s => s.ShardName != ShardState.HighWaterMark))
            {
                if (!_lastMoved.TryGetValue(shard.ShardName, out var seen) || seen.Sequence != shard.Sequence)
                {
                    _lastMoved[shard.ShardName] = (shard.Sequence, now);
                    continue;
                }

                if (shard.Sequence < ceiling && now - seen.Since >= StallAfter)
                    stalled.Add($"{shard.ShardName} at {shard.Sequence} of {ceiling}");
            }
        }

        return stalled;
    }
}
