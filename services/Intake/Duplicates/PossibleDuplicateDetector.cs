using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Reintegration.Intake.Registration;
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
        // Entries of this page are stored only when it commits: match against them in memory too.
        var pageEntries = new List<NameIndexEntry>();
        foreach (var registered in registrations)
        {
            if (registered.IdentityOf(keys.GetValueOrDefault(registered.ReturneeId)) is not { Person: var person }) continue;

            var protection = BlindIndex;
            var candidates = NameKey.Candidates(protection, person, registered.Region, registered.Time);
            var matches = (await operations.Query<NameIndexEntry>()
                .Where(e => e.Key.IsOneOf(candidates.ToArray()) && e.Id != registered.ReturneeId)
                .ToListAsync(cancellationToken)).ToList();
            matches.AddRange(pageEntries.Where(e => candidates.Contains(e.Key) && e.Id != registered.ReturneeId));
            var entry = new NameIndexEntry(registered.ReturneeId, NameKey.Of(protection, person, registered.Region, registered.Time));
            pageEntries.Add(entry);
            operations.Store(entry);
            foreach (var match in matches) operations.Store(PossibleDuplicate.Of(registered.ReturneeId, match.Id, clock.GetUtcNow()));
        }

        return NullChangeListener.Instance;
    }
}
