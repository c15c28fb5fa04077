using Marten;
using Reintegration.Contracts;
using Reintegration.Reporting.Journeys;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Reporting.Activities;

/// <summary>Records each training on its own stream.</summary>
public sealed class TrainingDeliveredConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : ReportingLogConsumer<TrainingDelivered>(session, gate, clock)
{
    protected override void Report(TrainingDelivered m, LogAppends log) =>
        log.Add(m.TrainingId, new TrainingReported(m.TrainingId, m.DeliveredAt, m.Course, m.Region, m.StartDate, m.EndDate,
            m.Participants.Select(p => new TrainingParticipantReported(p.WorkerId, p.Sex, p.Role, p.Completed, p.PreTestScore, p.PostTestScore)).ToList()));
}

/// <summary>Records each certificate on the worker's stream.</summary>
public sealed class WorkerCertifiedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : ReportingLogConsumer<WorkerCertified>(session, gate, clock)
{
    protected override void Report(WorkerCertified m, LogAppends log) =>
        log.Add(m.WorkerId, new WorkerCertificationReported(m.WorkerId, m.CertifiedAt, m.Course));
}

/// <summary>Records each workshop on its own stream and on the journey of each returnee who took part.</summary>
public sealed class WorkshopHeldConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : ReportingLogConsumer<WorkshopHeld>(session, gate, clock)
{
    protected override void Report(WorkshopHeld m, LogAppends log)
    {
        log.Add(m.WorkshopId, new WorkshopReported(m.WorkshopId, m.HeldAt, m.Kind, m.Region, [.. m.Participants]));
        foreach (var returnee in m.Participants)
            log.Add(returnee, new WorkshopAttended(returnee, m.WorkshopId, m.HeldAt, m.Kind, m.Region));
    }
}
