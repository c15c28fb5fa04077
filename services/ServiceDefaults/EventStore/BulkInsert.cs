using Marten;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// Inserts many new documents of one type in ONE statement (<c>insert … select from unnest</c>),
/// in the session's transaction, instead of one statement each. A batch of 500 partner events
/// stages a record, and for registrations a claim and a key, per event: as separate inserts they
/// cost more than the events themselves, and Marten's unit of work also compares each new
/// operation with every one queued before it. An id that exists already fails the statement with
/// a unique violation, like <see cref="IDocumentOperations.Insert{T}(T[])"/> would, so a batch that
/// lost a race is decided again.
/// </summary>
public static class BulkInsert
{
    public static void InsertAll<T, TId>(this IDocumentOperations session, IReadOnlyCollection<T> documents, Func<T, TId> id)
        where T : notnull =>
        Queue(session, documents, id, "");

    /// <summary>
    /// Inserts or replaces many documents of one type in ONE statement, for writers that may see
    /// the same document again (a daemon page run twice). The last of several with one id wins,
    /// as a series of <c>Store</c> calls would (one statement cannot touch a row twice).
    /// </summary>
    public static void UpsertAll<T, TId>(this IDocumentOperations session, IReadOnlyCollection<T> documents, Func<T, TId> id)
        where T : notnull =>
        Queue(session, documents.Reverse().DistinctBy(id).Reverse().ToList(), id,
            " on conflict (id) do update set data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type, mt_version = excluded.mt_version, mt_last_modified = transaction_timestamp()");

    private static void Queue<T, TId>(IDocumentOperations session, IReadOnlyCollection<T> documents, Func<T, TId> id, string onConflict)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(session);
        if (documents.Count == 0) return;

        var options = ((DocumentStore)session.DocumentStore).Options;
        var table = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
        var serializer = options.Serializer();
        // Each row's version is sent, not left to the column's default: Marten's default hashes a
        // random text per row (md5(random()::text || clock_timestamp()::text)), about a microsecond
        // of PostgreSQL's time each, measured, for five such rows per registration.
        session.QueueSqlCommand(
            $"insert into {table} (id, data, mt_dotnet_type, mt_version) select i, d::jsonb, ?, v from unnest(?, ?, ?) as t(i, d, v){onConflict}",
            typeof(T).FullName!,
            documents.Select(id).ToArray(),
            documents.Select(d => serializer.ToJson(d)).ToArray(),
            documents.Select(_ => Guid.CreateVersion7()).ToArray());
    }
}
