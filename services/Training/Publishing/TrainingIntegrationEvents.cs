using JasperFx.Events;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.Training.Awareness;
using Reintegration.Training.Certification;
using Reintegration.Training.Trainings;
using Reintegration.Training.Workshops;
using Contracts = Reintegration.Contracts;

namespace Reintegration.Training.Publishing;

/// <summary>What other services learn from Training: no trainer, facilitator or worker's organisation.</summary>
public sealed class TrainingIntegrationEvents : IIntegrationEventMap
{
    public object? ToIntegrationEvent(IEvent committed) => committed.Data switch
    {
        AwarenessEventHeld a => new Contracts.AwarenessEventHeld(
            a.AwarenessEventId, a.Time, a.Kind, a.Region, a.Reached.Women, a.Reached.Men, a.Reached.Girls, a.Reached.Boys, a.ReturneeParticipants),
        TrainingDelivered t => new Contracts.TrainingDelivered(
            t.TrainingId, t.Time, t.Course, t.Region, t.StartDate, t.EndDate,
            t.Participants.Select(p => new Contracts.TrainedWorker(p.WorkerId, p.Sex, p.Role, p.Completed, p.PreTestScore, p.PostTestScore)).ToList()),
        WorkerCertified c => new Contracts.WorkerCertified(c.WorkerId, c.Time, c.Course),
        WorkshopHeld w => new Contracts.WorkshopHeld(w.WorkshopId, w.Time, w.Kind, w.Region, w.Participants),
        _ => null,
    };
}
