using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Privacy;

namespace Reintegration.Intake.Duplicates;

/// <summary>
/// After a registration is committed, writes its entry in the name index (its blind-index keys
/// for name, region and birth year ±1); the pairs to review are read from the index when asked
/// for (<see cref="PossiblePairs"/>). Run by the async daemon (<see cref="ReadModels.DeskReadModels"/>),
/// so a registration is never slowed or refused by it; what it writes commits with its position.
/// A returnee erased before it runs is skipped (their key is gone); one erased while it ran loses
/// the entry when it reaches the erasure (the erasure's own delete may have come before the entry
/// was written).
/// </summary>
/// <remarks>
/// It stored a row per pair before. With common names the pairs grow with the population: in the
/// benchmark's data each registration matched 2.6–3.5 earlier ones at 30,000–100,000 returnees,
/// and writing those flags, with the lookup that found them, was 40 % of Intake's statement time
/// (pg_stat_statements, 2026-12-03). One entry per registration is all a pair needs.
/// </remarks>
public sealed class PossibleDuplicateDetector(IServiceProvider services, TimeProvider clock) : SubscriptionBase
{
    // Resolved when a page runs, not when the store is built: the protection itself needs the store.
    private IBlindIndex BlindIndex => services.GetRequiredService<IBlindIndex>();

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var registrations = page.Events.Where(e => e.Data is ReturneeRegistered).Select(e => (e.Sequence, Registered: (ReturneeRegistered)e.Data)).ToList();
        var erased = page.Events.Select(e => e.Data).OfType<ReturneeErased>().Select(e => e.ReturneeId).ToHashSet();
        foreach (var returnee in erased) operations.Delete<NameIndexEntry>(returnee);
        if (registrations.Count == 0) return NullChangeListener.Instance;

        var keys = (await operations.LoadManyAsync<PersonalDataKey>(cancellationToken, registrations.Select(r => r.Registered.ReturneeId).Distinct().ToArray()))
            .ToDictionary(k => k.Id, k => k.Key);
        var protection = BlindIndex;
        var indexedAt = clock.GetUtcNow();
        var entries = new List<NameIndexEntry>(registrations.Count);
        foreach (var (sequence, registered) in registrations)
        {
            if (erased.Contains(registered.ReturneeId) || registered.IdentityOf(keys.GetValueOrDefault(registered.ReturneeId))?.Person is not { } person) continue;
            var candidates = NameKey.Candidates(protection, person, registered.Region, registered.Time);
            entries.Add(new NameIndexEntry(registered.ReturneeId, candidates[1], candidates[0], candidates[2], sequence, indexedAt));
        }

        // One statement for the page; a page run again after a failure writes the same entries again.
        operations.UpsertAll(entries, e => e.Id);
        return NullChangeListener.Instance;
    }
}
