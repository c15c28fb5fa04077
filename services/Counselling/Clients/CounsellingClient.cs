using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.Counselling.Clients;

/// <summary>
/// A returnee as Counselling learned of them from Intake (folded from their learned-facts
/// stream, in whatever order the facts arrived). Every fact is kept with its field time, so a
/// closure learned after the sessions it follows, or a reopening learned before its closure,
/// still decides by when things happened. Unknown facts decide nothing: before the registration
/// arrives, sessions are accepted.
/// </summary>
public sealed record CounsellingClient(Guid Id) : IStreamState<CounsellingClient>
{
    public long Version { get; set; }

    /// <summary>When Intake registered the returnee; null until the registration arrives.</summary>
    public DateTimeOffset? RegisteredAt { get; init; }

    /// <summary>The latest known counselling consent (by field time, see <see cref="ConsentAt"/>); null while none is known.</summary>
    public bool? CounsellingConsent { get; init; }

    /// <summary>When the consent <see cref="CounsellingConsent"/> comes from was given or changed.</summary>
    public DateTimeOffset? ConsentAt { get; init; }

    /// <summary>Whether <see cref="CounsellingConsent"/> comes from a consent change rather than the registration.</summary>
    public bool ConsentFromChange { get; init; }

    /// <summary>When consent to data processing was first known withdrawn, or the data erased: final, whatever follows.</summary>
    public DateTimeOffset? ErasedAt { get; init; }

    public IReadOnlyList<DateTimeOffset> Closures { get; init; } = [];

    public IReadOnlyList<DateTimeOffset> Reopenings { get; init; } = [];

    public bool RegistrationKnown => RegisteredAt is not null;

    public bool Erased => ErasedAt is not null;

    public bool CounsellingRefused => CounsellingConsent == false;

    /// <summary>
    /// The closure in force at <paramref name="time"/>: the latest closure before it, unless a
    /// reopening came between that closure and <paramref name="time"/>. Activity at the very
    /// instant of a closure is not after it; a reopening at the closure's instant follows it.
    /// </summary>
    public DateTimeOffset? ClosureInForceAt(DateTimeOffset time)
    {
        var closures = Closures.Where(c => c < time).ToList();
        if (closures.Count == 0) return null;
        var closure = closures.Max();
        return Reopenings.Any(r => r >= closure && r <= time) ? null : closure;
    }

    public static CounsellingClient? Fold(CounsellingClient? state, Guid streamId, object @event) => @event switch
    {
        RegistrationNoted r => Of(state, r.ReturneeId).Registered(r),
        ConsentNoted c => Of(state, c.ReturneeId).Consented(c),
        ClosureNoted c => Of(state, c.ReturneeId) is var s && s.Closures.Contains(c.ClosedAt) ? s : s with { Closures = [.. s.Closures, c.ClosedAt] },
        ReopeningNoted r => Of(state, r.ReturneeId) is var s && s.Reopenings.Contains(r.ReopenedAt) ? s : s with { Reopenings = [.. s.Reopenings, r.ReopenedAt] },
        ErasureNoted e => Of(state, e.ReturneeId).ErasedBy(e.ErasedAt),
        _ => state,
    };

    private static CounsellingClient Of(CounsellingClient? state, Guid returnee) => state ?? new CounsellingClient(returnee);

    private CounsellingClient Registered(RegistrationNoted noted)
    {
        // Intake registers a returnee once; the first registration learned stands.
        if (RegistrationKnown) return this;
        // The registration's consent is the returnee's first word: a change dated from then on
        // supersedes it, even one learned before it; a change dated earlier does not.
        var next = this with { RegisteredAt = noted.RegisteredAt };
        return ConsentAt is { } at && at >= noted.RegisteredAt
            ? next
            : next with { CounsellingConsent = noted.CounsellingConsent, ConsentAt = noted.RegisteredAt, ConsentFromChange = false };
    }

    private CounsellingClient Consented(ConsentNoted noted)
    {
        var next = noted.DataProcessing ? this : ErasedBy(noted.ChangedAt);
        // Latest by field time wins, whatever the order learned. At the same instant a change
        // follows the registration, and of two changes the one withholding counselling stands.
        var supersedes = ConsentAt is not { } at
            || noted.ChangedAt > at
            || noted.ChangedAt == at && (!ConsentFromChange || !noted.Counselling);
        return supersedes ? next with { CounsellingConsent = noted.Counselling, ConsentAt = noted.ChangedAt, ConsentFromChange = true } : next;
    }

    private CounsellingClient ErasedBy(DateTimeOffset at) => ErasedAt is { } known && known <= at ? this : this with { ErasedAt = at };
}
