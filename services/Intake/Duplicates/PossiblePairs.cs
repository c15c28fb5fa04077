using System.Text.Json;
using Marten;

namespace Reintegration.Intake.Duplicates;

/// <summary>
/// The pairs to review, read from the name index: two entries match when one's own key is the
/// other's, or the key of the year before or after it (name and region equal, birth years at most
/// one apart). A pair is listed once, as raised by its later registration, oldest first: by when
/// the later, then the earlier, was registered. Nothing is stored per pair, so an erasure, which
/// deletes the returnee's entry, ends every pair they were in at once.
/// </summary>
public static class PossiblePairs
{
    public static async Task<IReadOnlyList<PossibleDuplicate>> PageAsync(IQuerySession session, int skip, int take, CancellationToken cancellationToken)
    {
        var index = session.DocumentStore.Options.FindOrResolveDocumentType(typeof(NameIndexEntry)).TableName.QualifiedName;
        // The casts are written as the index on the sequence is (Program.cs), so the planner walks
        // the later entries in order and looks their matches up by key, stopping at the page's end.
        var rows = await session.AdvancedSql.QueryAsync<string>(
            $"""
             select json_build_object('later', later.id, 'earlier', earlier.id, 'at', later.data -> 'indexedAt')::text
             from {index} as later
             join {index} as earlier
               on earlier.data ->> 'key' in (later.data ->> 'key', later.data ->> 'keyYearBefore', later.data ->> 'keyYearAfter')
              and CAST(earlier.data ->> 'sequence' as bigint) < CAST(later.data ->> 'sequence' as bigint)
             order by CAST(later.data ->> 'sequence' as bigint), CAST(earlier.data ->> 'sequence' as bigint)
             offset ? limit ?
             """,
            cancellationToken, skip, take);
        return rows.Select(r => JsonSerializer.Deserialize<Row>(r, JsonSerializerOptions.Web)!)
            .Select(r => PossibleDuplicate.Of(r.Later, r.Earlier, r.At))
            .ToList();
    }

    private sealed record Row(Guid Later, Guid Earlier, DateTimeOffset At);
}
