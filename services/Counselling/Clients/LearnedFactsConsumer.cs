using Marten;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Counselling.Clients;

/// <summary>
/// Learns one kind of fact about returnees from Intake: each message becomes the event
/// <see cref="Note"/> makes of it (none when already known), appended to the returnee's
/// learned-facts stream, which partner batches read but never race (see <see cref="LearnedStreams"/>).
/// The stream's version is checked, so two replicas noting facts of one returnee at once retry.
/// </summary>
public abstract class LearnedFactsConsumer<TMessage>(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IdempotentBatchConsumer<TMessage>(session, gate, clock)
    where TMessage : class
{
    protected abstract Guid ReturneeOf(TMessage message);

    /// <summary>The event to note, given what is known of the returnee so far (this batch's earlier messages included); null when nothing is new.</summary>
    protected abstract object? Note(TMessage message, CounsellingClient? known);

    protected sealed override async Task StageAsync(IReadOnlyList<TMessage> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        var streams = messages.Select(ReturneeOf).Distinct().ToDictionary(id => id, LearnedStreams.For);
        var clients = await StreamStates.FoldAsync<CounsellingClient>(session, streams.Values.ToArray(), cancellationToken);

        foreach (var returnee in messages.GroupBy(ReturneeOf))
        {
            var stream = streams[returnee.Key];
            var known = clients.GetValueOrDefault(stream);
            var version = known?.Version ?? 0;
            var noted = new List<object>();
            foreach (var message in returnee)
            {
                if (Note(message, known) is not { } fact) continue;
                noted.Add(fact);
                known = CounsellingClient.Fold(known, stream, fact);
            }

            if (noted.Count == 0) continue;
            if (version == 0) session.Events.StartStream(stream, noted.ToArray());
            else session.Events.Append(stream, version + noted.Count, noted.ToArray());
        }
    }
}
