namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// An accepted partner event, keyed by <c>source|id</c> and inserted in the same transaction as
/// the events it produced: a retry finds it and is answered "duplicate", a reused id with other
/// content finds it and is answered 409, and a failed transaction leaves neither behind.
/// </summary>
public sealed record IngestionRecord(string Id, string Fingerprint, string Type, Guid Subject, DateTimeOffset AcceptedAt)
{
    public static string KeyFor(string source, string id) => $"{source}|{id}";
}

/// <summary>
/// A value that must belong to one stream only (a partner reference within its source). Inserted
/// with the events; a concurrent claim by another replica fails that transaction.
/// </summary>
public sealed record UniqueClaim(string Id, Guid Owner)
{
    /// <summary>The detail a partner reads when the value is already someone else's.</summary>
    public string ConflictDetail { get; init; } = "";
}
