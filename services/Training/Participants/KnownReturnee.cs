using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.Training.Participants;

/// <summary>
/// A returnee as Training learned of them from Intake (folded from their learned-facts stream,
/// in whatever order the facts arrived). Unknown facts decide nothing: a returnee whose
/// registration has not arrived anywhere yet may take part, and counts once it does.
/// </summary>
public sealed record KnownReturnee(Guid Id) : IStreamState<KnownReturnee>
{
    public long Version { get; set; }

    /// <summary>When consent to data processing was first known withdrawn, or the data erased.</summary>
    public DateTimeOffset? ErasedAt { get; init; }

    public IReadOnlyList<DateTimeOffset> Closures { get; init; } = [];

    public IReadOnlyList<DateTimeOffset> Reopenings { get; init; } = [];

    public bool Erased => ErasedAt is not null;

    /// <summary>
    /// The closure in force at <paramref name="time"/>: the latest closure before it, unless a
    /// reopening came between that closure and <paramref name="time"/>. Activity at the very
    /// instant of a closure is not after it; a reopening at the closure's instant follows it.
    /// (The same rule as Counselling's.)
    /// </summary>
    public DateTimeOffset? ClosureInForceAt(DateTimeOffset time)
    {
        var closures = Closures.Where(c => c < time).ToList();
        if (closures.Count == 0) return null;
        var closure = closures.Max();
        return Reopenings.Any(r => r >= closure && r <= time) ? null : closure;
    }

    public static KnownReturnee? Fold(KnownReturnee? state, Guid streamId, object @event) => @event switch
    {
        ClosureNoted c => Of(state, c.ReturneeId) is var s && s.Closures.Contains(c.ClosedAt) ? s : s with { Closures = [.. s.Closures, c.ClosedAt] },
        ReopeningNoted r => Of(state, r.ReturneeId) is var s && s.Reopenings.Contains(r.ReopenedAt) ? s : s with { Reopenings = [.. s.Reopenings, r.ReopenedAt] },
        ErasureNoted e => Of(state, e.ReturneeId) is var s && s.ErasedAt <= e.ErasedAt ? s : s with { ErasedAt = e.ErasedAt },
        _ => state,
    };

    private static KnownReturnee Of(KnownReturnee? state, Guid returnee) => state ?? new KnownReturnee(returnee);
}
