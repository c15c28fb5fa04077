namespace Reintegration.Intake.Duplicates;

/// <summary>A returnee's blind-index key for duplicate review; deleted with the returnee's erasure.</summary>
public sealed record NameIndexEntry(Guid Id, string Key);

/// <summary>Two registrations that may be one person, flagged for a person to review; never refused.</summary>
public sealed record PossibleDuplicate(string Id, Guid ReturneeId, Guid OtherReturneeId, DateTimeOffset FlaggedAt)
{
    public static PossibleDuplicate Of(Guid a, Guid b, DateTimeOffset at) =>
        a.CompareTo(b) < 0 ? new($"{a}|{b}", a, b, at) : new($"{b}|{a}", b, a, at);
}
