namespace Reintegration.Reporting.Rebuilds;

/// <summary>Where a rebuild is, in order.</summary>
public static class RebuildStates
{
    /// <summary>Asked for; waits its turn (a replica runs one rebuild at a time).</summary>
    public const string Queued = "queued";

    /// <summary>Reading the log into the new tables, stream by stream.</summary>
    public const string Loading = "loading";

    /// <summary>Giving the new tables their indexes.</summary>
    public const string Indexing = "indexing";

    /// <summary>Applying what was appended since the load began, until the new tables are level with the live ones.</summary>
    public const string CatchingUp = "catching-up";

    /// <summary>The new tables answer; the old ones are gone.</summary>
    public const string Completed = "completed";

    public const string Failed = "failed";

    /// <summary>The replica running it stopped before the end: the live tables were never touched; ask again.</summary>
    public const string Abandoned = "abandoned";

    public static readonly string[] Active = [Queued, Loading, Indexing, CatchingUp];
}

/// <summary>
/// A rebuild as <c>GET /operations/rebuilds/{id}</c> shows it: events done of how many, the rate
/// so far and the time left at that rate. <c>builtTo</c> is the last event of the log the new
/// tables hold. The error, when failed, is the exception's type and SQL state only (no values).
/// </summary>
public sealed record RebuildProgress(
    Guid Id, string ReadModel, string State, DateTimeOffset RequestedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    long EventsDone, long EventsTotal, double? EventsPerSecond, double? SecondsLeft, long? BuiltTo, string? Error)
{
    public static RebuildProgress Of(
        Guid id, string readModel, string state, DateTimeOffset requestedAt, DateTimeOffset? startedAt, DateTimeOffset? finishedAt,
        long done, long total, long? builtTo, string? error, DateTimeOffset now)
    {
        var elapsed = ((finishedAt ?? now) - (startedAt ?? now)).TotalSeconds;
        double? rate = elapsed > 0 && done > 0 ? Math.Round(done / elapsed, 1) : null;
        double? left = state == RebuildStates.Completed ? 0 : rate is > 0 ? Math.Round(Math.Max(0, total - done) / rate.Value, 1) : null;
        return new RebuildProgress(id, readModel, state, requestedAt, startedAt, finishedAt, done, total, rate, left, builtTo, error);
    }
}
