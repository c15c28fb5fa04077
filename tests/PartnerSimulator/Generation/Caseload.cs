namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// What a returnee's case allows at a given time, so that every generator draws only activity
/// the catalogue accepts: nothing before the registration, nothing while the case is closed
/// (after a closure, before its reopening), nothing after a withdrawal of consent to data
/// processing, and no counselling once counselling was refused.
/// </summary>
internal sealed class CaseAvailability(ReturneeFact returnee)
{
    private readonly List<(DateTimeOffset From, DateTimeOffset? Until)> _closedSpells = [];

    public ReturneeFact Returnee { get; } = returnee;

    /// <summary>When consent to counselling was withdrawn by a consent update; null when it never was.</summary>
    public DateTimeOffset? CounsellingRefusedAt { get; private set; }

    /// <summary>When consent to data processing was withdrawn; null when it never was.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public void Close(DateTimeOffset at, DateTimeOffset? reopenedAt) => _closedSpells.Add((at, reopenedAt));

    public void RefuseCounsellingAt(DateTimeOffset at) => CounsellingRefusedAt = at;

    public void WithdrawAt(DateTimeOffset at) => WithdrawnAt = at;

    /// <summary>
    /// Registered before <paramref name="time"/> and the case open then. The instants of a closure
    /// and of a reopening count as closed: the generator keeps clear of both edges.
    /// </summary>
    public bool IsOpenAt(DateTimeOffset time) =>
        time > Returnee.RegisteredAt && !_closedSpells.Any(s => time >= s.From && (s.Until is not { } until || time <= until));

    /// <summary>Open, and not yet withdrawn: workshops, awareness events and the case's own events.</summary>
    public bool CanTakePartAt(DateTimeOffset time) => IsOpenAt(time) && (WithdrawnAt is not { } withdrawn || time < withdrawn);

    /// <summary>Can take part, consented to counselling at registration and has not withdrawn it since.</summary>
    public bool CanBeCounselledAt(DateTimeOffset time) =>
        CanTakePartAt(time) && Returnee.CounsellingConsent && (CounsellingRefusedAt is not { } refused || time < refused);
}

/// <summary>Every returnee's <see cref="CaseAvailability"/>, and draws of participants among them.</summary>
internal sealed class Caseload
{
    private readonly Dictionary<Guid, CaseAvailability> _cases;
    private readonly Dictionary<string, List<CaseAvailability>> _byRegion;

    public Caseload(IReadOnlyList<ReturneeFact> returnees)
    {
        _cases = returnees.ToDictionary(r => r.Id, r => new CaseAvailability(r));
        _byRegion = _cases.Values
            .GroupBy(c => c.Returnee.Region)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Returnee.RegisteredAt).ThenBy(c => c.Returnee.Number).ToList());
    }

    public CaseAvailability this[Guid returnee] => _cases[returnee];

    /// <summary>
    /// Up to <paramref name="wanted"/> distinct returnees of <paramref name="region"/> registered
    /// before <paramref name="time"/> for whom <paramref name="allowed"/> holds, drawn at random
    /// (a bounded number of tries: cheap for a handful out of thousands), in draw order.
    /// </summary>
    public List<Guid> DrawParticipants(
        Random random, string region, DateTimeOffset time, int wanted, Func<CaseAvailability, bool> allowed)
    {
        if (!_byRegion.TryGetValue(region, out var cases)) return [];
        var registeredBefore = CountRegisteredBefore(cases, time);
        if (registeredBefore == 0) return [];

        var chosen = new List<Guid>(wanted);
        var seen = new HashSet<int>();
        for (var attempt = 0; attempt < wanted * 4 && chosen.Count < wanted && seen.Count < registeredBefore; attempt++)
        {
            var index = random.Next(registeredBefore);
            if (seen.Add(index) && allowed(cases[index])) chosen.Add(cases[index].Returnee.Id);
        }

        return chosen;
    }

    /// <summary>How many of the cases (ordered by registration time) registered before <paramref name="time"/>.</summary>
    private static int CountRegisteredBefore(List<CaseAvailability> byRegistrationTime, DateTimeOffset time)
    {
        int low = 0, high = byRegistrationTime.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (byRegistrationTime[middle].Returnee.RegisteredAt < time) low = middle + 1;
            else high = middle;
        }

        return low;
    }
}
