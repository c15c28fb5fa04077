using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;

namespace Reintegration.ServiceDefaults.Health;

/// <summary>
/// Decides whether a projection, a subscription or the high-water mark has stalled: it has been
/// behind the last committed event, without moving, for longer than the allowed time. Marten
/// swallows an <see cref="OperationCanceledException"/> escaping a subscription, leaving the agent
/// "running" with a frozen position, and its high-water agent can die after a database blip
/// (marten#4961) while the shards' own lag looks fine (marten#4982): only watching positions
/// against what was committed tells. The clock starts when a position is first seen behind, not
/// when it last moved: a shard idle at the head for an hour is not stalled the moment an event
/// arrives. Pure apart from its memory of each position.
/// </summary>
public sealed class DaemonProgressMonitor(IConfiguration configuration)
{
    private readonly Dictionary<string, (long Sequence, DateTimeOffset? BehindSince)> _seen = new();
    private readonly Lock _gate = new();

    public TimeSpan StallAfter { get; } =
        TimeSpan.FromSeconds(configuration.GetValue("Daemon:StallAfterSeconds", 60.0));

    /// <summary>
    /// Returns the shards (the high-water mark among them) behind <paramref name="lastCommitted"/>,
    /// the sequence of the last committed event, that have not moved for <see cref="StallAfter"/> since first seen behind.
    /// </summary>
    public IReadOnlyList<string> Stalled(IEnumerable<ShardState> shards, long lastCommitted, DateTimeOffset now) =>
        [.. StalledShards(shards, lastCommitted, now).Select(s => $"{s.ShardName} at {s.Sequence} of {lastCommitted}")];

    /// <summary>The same judgement as <see cref="Stalled"/>, as the shards themselves (the daemon's watchdog restarts them).</summary>
    public IReadOnlyList<ShardState> StalledShards(IEnumerable<ShardState> shards, long lastCommitted, DateTimeOffset now)
    {
        var stalled = new List<ShardState>();
        lock (_gate)
        {
            foreach (var shard in shards)
            {
                var behind = shard.Sequence < lastCommitted;
                if (!_seen.TryGetValue(shard.ShardName, out var seen) || seen.Sequence != shard.Sequence || !behind)
                {
                    _seen[shard.ShardName] = (shard.Sequence, behind ? now : null);
                    continue;
                }

                var since = seen.BehindSince ?? now;
                _seen[shard.ShardName] = (shard.Sequence, since);
                if (now - since >= StallAfter) stalled.Add(shard);
            }
        }

        return stalled;
    }
}
