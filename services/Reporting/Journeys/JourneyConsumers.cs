using Marten;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Reporting.Journeys;

/// <summary>Appends each registration to the returnee's journey, whatever arrived before it.</summary>
public sealed class ReturneeRegisteredConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IdempotentBatchConsumer<ReturneeRegistered>(session, gate, clock)
{
    protected override Task StageAsync(IReadOnlyList<ReturneeRegistered> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        foreach (var m in messages)
            session.Events.Append(m.ReturneeId,
                new RegistrationReported(m.ReturneeId, m.RegisteredAt, m.Sex, m.AgeGroup, m.Region, m.ReturnedFrom, m.ReturnType, m.ArrivalDate));
        return Task.CompletedTask;
    }
}

/// <summary>Appends each session to the returnee's journey, even before the registration is known.</summary>
public sealed class CounsellingSessionHeldConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IdempotentBatchConsumer<CounsellingSessionHeld>(session, gate, clock)
{
    protected override Task StageAsync(IReadOnlyList<CounsellingSessionHeld> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        foreach (var m in messages)
            session.Events.Append(m.ReturneeId,
                new CounsellingSessionReported(m.ReturneeId, m.SessionId, m.HeldAt, m.Format, m.Modality, m.Intervention, m.DurationMinutes));
        return Task.CompletedTask;
    }
}
