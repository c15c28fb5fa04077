using Marten;
using Reintegration.Contracts;
using Reintegration.Reporting.Journeys;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Reporting.Activities;

/// <summary>Records each training on its own stream.</summary>
public sealed class TrainingDeliveredConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IdempotentBatchConsumer<TrainingDelivered>(session, gate, clock)
{
    protected override Task StageAsync(IReadOnlyList<TrainingDelivered> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        foreach (var m in messages)
            session.Events.Append(m.TrainingId, new TrainingReported(m.TrainingId, m.DeliveredAt, m.Course, m.Region, m.StartDate, m.EndDate,
                m.Participants.Select(p => new TrainingParticipantReported(p.WorkerId, p.Sex, p.Role, p.Completed, p.PreTestScore, p.PostTestScore)).ToList()));
        return Task.CompletedTask;
    }
}

/// <summary>Records each certificate on the worker's stream.</summary>
public sealed class WorkerCertifiedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IdempotentBatchConsumer<WorkerCertified>(session, gate, clock)
{
    protected override Task StageAsync(IReadOnlyList<WorkerCertified> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        foreach (var m in messages) session.Events.Append(m.WorkerId, new WorkerCertificationReported(m.WorkerId, m.CertifiedAt, m.Course));
        return Task.CompletedTask;
    }
}

/// <summary>Records each workshop on its own stream and on the journey of each returnee who took part.</summary>
public sealed class WorkshopHeldConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IdempotentBatchConsumer<WorkshopHeld>(session, gate, clock)
{
    protected override Task StageAsync(IReadOnlyList<WorkshopHeld> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        foreach (var m in messages)
        {
            session.Events.Append(m.WorkshopId, new WorkshopReported(m.WorkshopId, m.HeldAt, m.Kind, m.Region, [.. m.Participants]));
            foreach (var returnee in m.Participants)
                session.Events.Append(returnee, new WorkshopAttended(returnee, m.WorkshopId, m.HeldAt, m.Kind, m.Region));
        }

        return Task.CompletedTask;
    }
}
