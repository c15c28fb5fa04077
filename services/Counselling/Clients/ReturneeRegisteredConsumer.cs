using Marten;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Counselling.Clients;

/// <summary>Learns registrations from Intake, so that a refusal of counselling is respected from then on.</summary>
public sealed class ReturneeRegisteredConsumer(IDocumentSession session, TimeProvider clock)
    : IdempotentConsumer<ReturneeRegistered>(session, clock)
{
    protected override async Task StageAsync(ReturneeRegistered message, IDocumentSession session, CancellationToken cancellationToken)
    {
        var client = await session.LoadAsync<CounsellingClient>(message.ReturneeId, cancellationToken);
        if (client?.RegistrationKnown == true) return;

        var noted = new RegistrationNoted(message.ReturneeId, message.RegisteredAt, message.CounsellingConsent);
        if (client is null) session.Events.StartStream(message.ReturneeId, noted);
        else session.Events.Append(message.ReturneeId, client.Version + 1, noted);
    }
}
