namespace Reintegration.ServiceDefaults.Health;

/// <summary>
/// When the daemon's watchdog may restart a stalled shard: only once it has been reported stalled
/// for <c>interval</c> more, and then again only after another <c>interval</c>. A frozen agent
/// stays frozen, so waiting costs little; a shard that is failing and being retried by the daemon
/// itself (publishing while a broker comes back) must not have its attempts cut short over and
/// over. A shard that moves again is forgotten. Pure apart from its memory per shard.
/// </summary>
public sealed class RestartPacing(TimeSpan interval)
{
    private readonly Dictionary<string, (DateTimeOffset StalledSince, DateTimeOffset? Restarted)> _seen = new();

    public TimeSpan Interval => interval;

    /// <summary>Of the shards stalled now, those due a restart; remembers them as restarted at <paramref name="now"/>.</summary>
    public IReadOnlyList<string> Due(IEnumerable<string> stalled, DateTimeOffset now)
    {
        var current = stalled.ToHashSet();
        foreach (var moved in _seen.Keys.Where(k => !current.Contains(k)).ToList()) _seen.Remove(moved);

        var due = new List<string>();
        foreach (var shard in current)
        {
            var (since, restarted) = _seen.TryGetValue(shard, out var seen) ? seen : (now, null);
            if (now - (restarted ?? since) >= interval)
            {
                restarted = now;
                due.Add(shard);
            }

            _seen[shard] = (since, restarted);
        }

        return due;
    }
}
