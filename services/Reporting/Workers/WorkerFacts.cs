using System.Text.Json.Serialization;
using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Workers;

/// <summary>One worker's part in one training, as the training told it.</summary>
public sealed record WorkerTraining(
    Guid TrainingId, DateTimeOffset Time, string Course, string Region, string Sex, string Role, bool Completed, int? PreTestScore, int? PostTestScore);

/// <summary>What the worker read model keeps of one worker: each training they took part in, each certificate.</summary>
public sealed class WorkerFacts : IFactState
{
    public Guid Id { get; set; }

    public List<WorkerTraining> Trainings { get; set; } = [];

    public List<WorkerCertificationReported> Certifications { get; set; } = [];

    [JsonIgnore]
    public IEnumerable<WorkerTraining> Completed => Trainings.Where(t => t.Completed);

    /// <summary>Pure: a training or certificate told twice is kept once.</summary>
    public static WorkerFacts Fold(WorkerFacts? state, Guid worker, object @event)
    {
        var next = state ?? new WorkerFacts { Id = worker };
        switch (@event)
        {
            case TrainingReported t when next.Trainings.All(x => x.TrainingId != t.TrainingId)
                                         && t.Participants.FirstOrDefault(p => p.WorkerId == worker) is { } p:
                next.Trainings.Add(new WorkerTraining(t.TrainingId, t.Time, t.Course, t.Region, p.Sex, p.Role, p.Completed, p.PreTestScore, p.PostTestScore));
                break;
            case WorkerCertificationReported c when !next.Certifications.Contains(c):
                next.Certifications.Add(c);
                break;
        }

        return next;
    }
}
