using Marten;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Reporting.Journeys;

/// <summary>Appends each registration to the returnee's journey, whatever arrived before it.</summary>
public sealed class ReturneeRegisteredConsumer(IDocumentSession session, TimeProvider clock)
    : IdempotentConsumer<ReturneeRegistered>(session, clock)
{
    protected override Task StageAsync(ReturneeRegistered m, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Events.Append(m.ReturneeId,
            new RegistrationReported(m.ReturneeId, m.RegisteredAt, m.Sex, m.AgeGroup, m.Region, m.ReturnedFrom, m.ReturnType, m.ArrivalDate));
        return Task.CompletedTask;
    }
}

/// <summary>Appends each session to the returnee's journey, even before the registration is known.</summary>
public sealed class CounsellingSessionHeldConsumer(IDocumentSession session, TimeProvider clock)
    : IdempotentConsumer<CounsellingSessionHeld>(session, clock)
{
    protected override Task StageAsync(CounsellingSessionHeld m, IDocumentSession session, CancellationToken cancellationToken)
    {
        session.Events.Append(m.ReturneeId,
            new CounsellingSessionReported(m.ReturneeId, m.SessionId, m.HeldAt, m.Format, m.Modality, m.Intervention, m.DurationMinutes));
        return Task.CompletedTask;
    }
}
