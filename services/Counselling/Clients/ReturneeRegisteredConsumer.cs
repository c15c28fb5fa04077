using Marten;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Counselling.Clients;

/// <summary>
/// Learns registrations from Intake, so that a refusal of counselling is respected from then on;
/// kept in the returnee's learned-facts stream, which partner batches read but never race.
/// </summary>
public sealed class ReturneeRegisteredConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IdempotentBatchConsumer<ReturneeRegistered>(session, gate, clock)
{
    protected override async Task StageAsync(IReadOnlyList<ReturneeRegistered> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        var learned = messages.Select(m => m.ReturneeId).Distinct().ToDictionary(id => id, LearnedStreams.For);
        var clients = await StreamStates.FoldAsync<CounsellingClient>(session, learned.Values.ToArray(), cancellationToken);

        foreach (var message in messages.DistinctBy(m => m.ReturneeId))
        {
            var stream = learned[message.ReturneeId];
            var client = clients.GetValueOrDefault(stream);
            if (client?.RegistrationKnown == true) continue;

            var noted = new RegistrationNoted(message.ReturneeId, message.RegisteredAt, message.CounsellingConsent);
            if (client is null) session.Events.StartStream(stream, noted);
            else session.Events.Append(stream, client.Version + 1, noted);
        }
    }
}
