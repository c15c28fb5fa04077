using JasperFx.Events;

namespace Reintegration.Reporting.Facts;

/// <summary>
/// Folds a page of events into the states it is about and records what changed in what they
/// contribute: the one algorithm behind the async daemon's projection and a rebuild's catch-up.
/// </summary>
public static class FactsPage
{
    /// <summary>The page's events by subject, in the order they came.</summary>
    public static Dictionary<Guid, List<IEvent>> BySubject<TState>(ReadModel<TState> model, IEnumerable<IEvent> events) where TState : class, IFactState
    {
        var bySubject = new Dictionary<Guid, List<IEvent>>();
        foreach (var e in events)
            foreach (var subject in model.SubjectsOf(e))
            {
                if (!bySubject.TryGetValue(subject, out var list)) bySubject[subject] = list = [];
                list.Add(e);
            }
        return bySubject;
    }

    /// <summary>
    /// Pure but for folding <paramref name="known"/> states in place: the states after the page
    /// (to store) and the changes in their contributions (to write).
    /// </summary>
    public static (List<TState> States, ContributionChanges Changes) Fold<TState>(
        ReadModel<TState> model, Dictionary<Guid, List<IEvent>> bySubject, IReadOnlyDictionary<Guid, TState> known) where TState : class, IFactState
    {
        var changes = new ContributionChanges();
        var states = new List<TState>(bySubject.Count);
        foreach (var (subject, subjectEvents) in bySubject)
        {
            var state = known.GetValueOrDefault(subject);
            // Before folding: states fold in place, so what the state contributed must be taken first.
            var before = model.Contribute(state);
            foreach (var e in subjectEvents.OrderBy(e => e.Sequence)) state = model.Evolve(state, subject, e);
            if (state is null) continue;
            changes.Record(before, model.Contribute(state));
            states.Add(state);
        }

        return (states, changes);
    }
}
