namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// An accepted partner event, keyed by <c>source|id</c> and inserted in the same transaction as
/// the events it produced: a retry finds it and is answered "duplicate", a reused id with other
/// content finds it and is answered 409, and a failed transaction leaves neither behind.
/// </summary>
public sealed record IngestionRecord(string Id, string Fingerprint, string Type, Guid Subject, DateTimeOffset AcceptedAt)
{
    /// <summary>
    /// <c>source|id</c>, with <c>\</c> and <c>|</c> in the source escaped as <c>\\</c> and
    /// <c>\|</c>: the first unescaped <c>|</c> ends the source, so no two (source, id) pairs share
    /// a key (<c>S|p</c> + <c>q</c> is <c>S\|p|q</c>; <c>S</c> + <c>p|q</c> is <c>S|p|q</c>). A
    /// source without either character, every partner's today, keeps the key it always had, so
    /// records stored before still answer retries as duplicates.
    /// </summary>
    public static string KeyFor(string source, string id) =>
        $"{source.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("|", @"\|", StringComparison.Ordinal)}|{id}";
}

/// <summary>
/// A value that must belong to one stream only (a partner reference within its source). Inserted
/// with the events; a concurrent claim by another replica fails that transaction.
/// </summary>
public sealed record UniqueClaim(string Id, Guid Owner)
{
    /// <summary>
    /// The detail a partner reads when the value is already someone else's: taken from the claim
    /// being made, never from the one stored, so it is not stored (a sentence in every claim row).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ConflictDetail { get; init; } = "";
}
