namespace Reintegration.ServiceDefaults.Health;

/// <summary>
/// How often the daemon's watchdog may restart one shard: once, then again only after another
/// stall time without progress. A shard that a restart cannot help (a subscription waiting out a
/// broker outage) is restarted once per stall time, not on every look; one that moves again is
/// forgotten. Pure apart from its memory of the last restart per shard.
/// </summary>
public sealed class RestartPacing(TimeSpan interval)
{
    private readonly Dictionary<string, DateTimeOffset> _restarted = new();

    /// <summary>Of the shards stalled now, those due a restart; remembers them as restarted at <paramref name="now"/>.</summary>
    public IReadOnlyList<string> Due(IEnumerable<string> stalled, DateTimeOffset now)
    {
        var current = stalled.ToHashSet();
        foreach (var moved in _restarted.Keys.Where(k => !current.Contains(k)).ToList()) _restarted.Remove(moved);

        var due = new List<string>();
        foreach (var shard in current)
        {
            if (_restarted.TryGetValue(shard, out var last) && now - last < interval) continue;
            _restarted[shard] = now;
            due.Add(shard);
        }

        return due;
    }
}
