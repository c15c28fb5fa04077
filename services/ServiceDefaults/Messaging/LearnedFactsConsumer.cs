using Marten;
using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// Learns one kind of fact about returnees from another service: each message becomes the event
/// <see cref="Note"/> makes of it (none when already known), appended to the returnee's
/// learned-facts stream, which partner batches read but never race (see <see cref="LearnedStreams"/>),
/// and folded into <typeparamref name="TState"/>, what the service knows of the returnee.
/// The stream's version is checked, so two replicas noting facts of one returnee at once retry.
/// </summary>
public abstract class LearnedFactsConsumer<TMessage, TState>(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IdempotentBatchConsumer<TMessage>(session, gate, clock)
    where TMessage : class
    where TState : class, IStreamState<TState>
{
    protected abstract Guid ReturneeOf(TMessage message);

    /// <summary>The event to note, given what is known of the returnee so far (this batch's earlier messages included); null when nothing is new.</summary>
    protected abstract object? Note(TMessage message, TState? known);

    protected sealed override async Task StageAsync(IReadOnlyList<TMessage> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        var streams = messages.Select(ReturneeOf).Distinct().ToDictionary(id => id, LearnedStreams.For);
        var states = await StreamStates.FoldAsync<TState>(session, streams.Values.ToArray(), cancellationToken);
        var appends = new Dictionary<Guid, StreamAppend>();

        foreach (var returnee in messages.GroupBy(ReturneeOf))
        {
            var stream = streams[returnee.Key];
            var known = states.GetValueOrDefault(stream);
            var version = known?.Version ?? 0;
            var noted = new List<object>();
            foreach (var message in returnee)
            {
                if (Note(message, known) is not { } fact) continue;
                noted.Add(fact);
                known = TState.Fold(known, stream, fact);
            }

            if (noted.Count > 0) appends[stream] = new StreamAppend(version, noted);
        }

        session.AppendToStreams(appends, Clock.GetUtcNow());
    }
}
