using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.Reporting.Facts;

/// <summary>
/// Runs a <see cref="ReadModel{TState}"/> in the async daemon. For each page of events: loads the
/// states the page is about, folds the page into them, and writes what changed in what they
/// contribute, the cells as increments, all in the daemon's transaction with its progress. A page
/// touches each cell once, however many events it holds, so bulk loads write little. Each page
/// is a span continuing the traces of its events (<see cref="ProjectionTracing"/>).
/// </summary>
public sealed class FactsProjection<TState>(ReadModel<TState> model) : IProjection where TState : class, IFactState
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        using var activity = ProjectionTracing.StartPage(model.Name, events);
        var bySubject = FactsPage.BySubject(model, events);
        if (bySubject.Count == 0) return;

        var known = (await operations.LoadManyAsync<TState>(cancellation, bySubject.Keys)).ToDictionary(s => s.Id);
        var (states, changes) = FactsPage.Fold(model, bySubject, known);
        // One statement for the page's states, not one upsert each (and no unit-of-work comparisons among them).
        operations.UpsertAll(states, s => s.Id);
        foreach (var statement in ContributionWriter.Statements(model.Tables, changes))
            operations.QueueSqlCommand(statement.Sql, statement.Parameters);
    }
}
