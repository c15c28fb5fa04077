using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.Reporting.Facts;

/// <summary>
/// Runs a <see cref="ReadModel{TState}"/> in the async daemon. For each page of events: loads the
/// states the page is about, folds the page into them, and writes what changed in what they
/// contribute, the cells as increments, all in the daemon's transaction with its progress. A page
/// touches each cell once, however many events it holds, so bulk loads and rebuilds write little.
/// Each page is a span continuing the traces of its events (<see cref="ProjectionTracing"/>).
/// </summary>
public sealed class FactsProjection<TState>(ReadModel<TState> model) : IProjection where TState : class, IFactState
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        using var activity = ProjectionTracing.StartPage(model.Name, events);
        var bySubject = new Dictionary<Guid, List<IEvent>>();
        foreach (var e in events)
            foreach (var subject in model.SubjectsOf(e))
            {
                if (!bySubject.TryGetValue(subject, out var list)) bySubject[subject] = list = [];
                list.Add(e);
            }
        if (bySubject.Count == 0) return;

        var known = (await operations.LoadManyAsync<TState>(cancellation, bySubject.Keys)).ToDictionary(s => s.Id);
        var changes = new ContributionChanges();
        foreach (var (subject, subjectEvents) in bySubject)
        {
            var state = known.GetValueOrDefault(subject);
            // Before folding: states fold in place, so what the state contributed must be taken first.
            var before = model.Contribute(state);
            foreach (var e in subjectEvents.OrderBy(e => e.Sequence)) state = model.Evolve(state, subject, e);
            if (state is null) continue;
            changes.Record(before, model.Contribute(state));
            operations.Store(state);
        }

        ContributionWriter.Queue(operations, model.Tables, changes);
    }
}
