using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Privacy;

namespace Reintegration.Intake.Duplicates;

/// <summary>
/// After a registration is committed, looks for other returnees with the same blind-index key
/// (name, region, birth year ±1) and flags each pair for review. Run by the async daemon, so a
/// registration is never slowed or refused by it; what it writes commits with its position.
/// A returnee erased before it runs is skipped (their key is gone).
/// </summary>
public sealed class PossibleDuplicateDetector(IServiceProvider services, TimeProvider clock) : SubscriptionBase
{
    // Resolved when a page runs, not when the store is built: the protection itself needs the store.
    private IBlindIndex BlindIndex => services.GetRequiredService<IBlindIndex>();

    public const string SubscriptionName = "possible-duplicates";

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var registrations = page.Events.Select(e => e.Data).OfType<ReturneeRegistered>().ToList();
        if (registrations.Count == 0) return NullChangeListener.Instance;

        var keys = (await operations.LoadManyAsync<PersonalDataKey>(cancellationToken, registrations.Select(r => r.ReturneeId).Distinct().ToArray()))
            .ToDictionary(k => k.Id, k => k.Key);
        var protection = BlindIndex;
        var indexed = registrations
            .Select(r => (Registered: r, Person: r.IdentityOf(keys.GetValueOrDefault(r.ReturneeId))?.Person))
            .Where(r => r.Person is not null)
            .Select(r => (r.Registered, Candidates: NameKey.Candidates(protection, r.Person!, r.Registered.Region, r.Registered.Time)))
            // The middle candidate is the registration's own key (NameKey.Of): not hashed twice.
            .Select(r => new Indexed(r.Registered.ReturneeId, r.Candidates, new NameIndexEntry(r.Registered.ReturneeId, r.Candidates[1])))
            .ToList();
        if (indexed.Count == 0) return NullChangeListener.Instance;

        // One query for the whole page (a query per registration cost most of Intake's CPU: each
        // one parses its LINQ and compiles a delegate). Entries of this page are stored only when
        // it commits, so each registration is also matched against those before it in the page.
        var candidates = indexed.SelectMany(i => i.Candidates).Distinct().ToArray();
        var stored = await operations.Query<NameIndexEntry>().Where(e => e.Key.IsOneOf(candidates)).ToListAsync(cancellationToken);
        var seen = stored.ToLookup(e => e.Key, e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var flagged = new List<PossibleDuplicate>();
        foreach (var registration in indexed)
        {
            var matches = registration.Candidates.SelectMany(key => seen.GetValueOrDefault(key) ?? []).Where(id => id != registration.ReturneeId).Distinct();
            flagged.AddRange(matches.Select(match => PossibleDuplicate.Of(registration.ReturneeId, match, clock.GetUtcNow())));
            if (!seen.TryGetValue(registration.Entry.Key, out var owners)) seen[registration.Entry.Key] = owners = [];
            owners.Add(registration.ReturneeId);
        }

        // One statement per document type for the page, not one per document: a page run again
        // after a failure writes the same documents again, so these replace, as Store would.
        operations.UpsertAll(indexed.Select(i => i.Entry).ToList(), e => e.Id);
        operations.UpsertAll(flagged, d => d.Id);

        return NullChangeListener.Instance;
    }

    private sealed record Indexed(Guid ReturneeId, IReadOnlyList<string> Candidates, NameIndexEntry Entry);
}
