using Marten;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Counselling.Clients;

/// <summary>Learns registrations from Intake, so that a refusal of counselling is respected from then on.</summary>
public sealed class ReturneeRegisteredConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IdempotentBatchConsumer<ReturneeRegistered>(session, gate, clock)
{
    protected override async Task StageAsync(IReadOnlyList<ReturneeRegistered> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        var clients = await StreamStates.FoldAsync<CounsellingClient>(session, messages.Select(m => m.ReturneeId).Distinct().ToArray(), cancellationToken);

        foreach (var message in messages.DistinctBy(m => m.ReturneeId))
        {
            var client = clients.GetValueOrDefault(message.ReturneeId);
            if (client?.RegistrationKnown == true) continue;

            var noted = new RegistrationNoted(message.ReturneeId, message.RegisteredAt, message.CounsellingConsent);
            if (client is null) session.Events.StartStream(message.ReturneeId, noted);
            else session.Events.Append(message.ReturneeId, client.Version + 1, noted);
        }
    }
}
