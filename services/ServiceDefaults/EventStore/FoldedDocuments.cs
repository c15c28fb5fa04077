using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// A document per subject, folded from the events about it by the async daemon a page at a time:
/// the page's documents loaded in one query and written back in one statement
/// (<see cref="BulkInsert.UpsertAll"/>). Marten's own aggregation projections write one statement
/// per document; with a page of new registrations that was 8 % of PostgreSQL's time. What it
/// writes commits with the subscription's position, so a page run again after a failure starts
/// from the documents as they were before it.
/// </summary>
public abstract class FoldedDocuments<TDocument> : SubscriptionBase
    where TDocument : class
{
    /// <summary>The subject the event is about, or null when it changes no document.</summary>
    protected abstract Guid? SubjectOf(IEvent e);

    /// <summary>Pure: the document after one more event (null: there is still none).</summary>
    protected abstract TDocument? Fold(TDocument? document, Guid subject, object data);

    protected abstract Guid IdOf(TDocument document);

    public sealed override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var relevant = new List<(Guid Subject, object Data)>();
        foreach (var e in page.Events)
            if (SubjectOf(e) is { } subject) relevant.Add((subject, e.Data));
        if (relevant.Count == 0) return NullChangeListener.Instance;

        var documents = (await operations.LoadManyAsync<TDocument>(cancellationToken, relevant.Select(x => x.Subject).Distinct().ToArray()))
            .ToDictionary(IdOf);
        var changed = new HashSet<Guid>();
        foreach (var (subject, data) in relevant)
            if (Fold(documents.GetValueOrDefault(subject), subject, data) is { } next)
            {
                documents[subject] = next;
                changed.Add(subject);
            }

        operations.UpsertAll(changed.Select(id => documents[id]).ToList(), IdOf);
        return NullChangeListener.Instance;
    }
}
