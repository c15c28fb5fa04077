namespace Reintegration.Intake.Duplicates;

/// <summary>
/// A returnee's entry in the blind index for duplicate review: their own key (name, region,
/// birth year) and the keys of the years either side, as keyed hashes; deleted with the
/// returnee's erasure, which takes every pair they were in with it (pairs are not stored).
/// </summary>
/// <param name="Sequence">The registration's position in the event log: of two matching entries, the later one is the one that raised the pair.</param>
/// <param name="IndexedAt">When the entry was written: a pair's <see cref="PossibleDuplicate.FlaggedAt"/> is its later entry's.</param>
public sealed record NameIndexEntry(Guid Id, string Key, string KeyYearBefore, string KeyYearAfter, long Sequence, DateTimeOffset IndexedAt);

/// <summary>Two registrations that may be one person, for a person to review; never refused.</summary>
public sealed record PossibleDuplicate(string Id, Guid ReturneeId, Guid OtherReturneeId, DateTimeOffset FlaggedAt)
{
    public static PossibleDuplicate Of(Guid a, Guid b, DateTimeOffset at) =>
        a.CompareTo(b) < 0 ? new($"{a}|{b}", a, b, at) : new($"{b}|{a}", b, a, at);
}
