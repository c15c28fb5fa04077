using JasperFx.Events;
using Marten.Events.Projections;
using Reintegration.Training.Certification;
using Reintegration.Training.Trainings;

namespace Reintegration.Training.Workers;

/// <summary>
/// A worker as the reads show them: every training they took part in and their certificates.
/// Their sex, role and organisation are as their latest training (by start date) lists them;
/// their regions are those of all their trainings. Kept by an async projection over the training
/// and certification streams.
/// </summary>
public sealed class WorkerProfile
{
    public Guid Id { get; set; }
    public string Sex { get; set; } = "";
    public string Role { get; set; } = "";
    public string Organisation { get; set; } = "";
    public DateOnly LatestStartDate { get; set; }
    public DateOnly FirstStartDate { get; set; }
    public List<string> Regions { get; set; } = [];
    public List<WorkerTraining> Trainings { get; set; } = [];
    public List<WorkerCertificate> Certificates { get; set; } = [];
}

public sealed record WorkerTraining(
    Guid TrainingId, string Course, string Region, DateOnly StartDate, DateOnly EndDate, int? PreTestScore, int? PostTestScore, bool Completed);

public sealed record WorkerCertificate(string Course, Guid TrainingId, DateTimeOffset CertifiedAt);

public sealed class WorkerProfileProjection : MultiStreamProjection<WorkerProfile, Guid>
{
    public WorkerProfileProjection()
    {
        Identities<TrainingDelivered>(t => t.Participants.Select(p => p.WorkerId).ToList());
        Identity<WorkerCertified>(c => c.WorkerId);
    }

    public override WorkerProfile? Evolve(WorkerProfile? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case TrainingDelivered t when t.Participants.FirstOrDefault(p => p.WorkerId == id) is { } p:
                var profile = snapshot ?? new WorkerProfile { Id = id, FirstStartDate = t.StartDate, LatestStartDate = t.StartDate, Sex = p.Sex, Role = p.Role, Organisation = p.Organisation };
                if (profile.Trainings.Any(x => x.TrainingId == t.TrainingId)) return profile;
                profile.Trainings.Add(new WorkerTraining(t.TrainingId, t.Course, t.Region, t.StartDate, t.EndDate, p.PreTestScore, p.PostTestScore, p.Completed));
                profile.Trainings.Sort((a, b) => a.StartDate.CompareTo(b.StartDate));
                if (!profile.Regions.Contains(t.Region)) profile.Regions.Add(t.Region);
                if (t.StartDate >= profile.LatestStartDate)
                {
                    profile.LatestStartDate = t.StartDate;
                    profile.Sex = p.Sex;
                    profile.Role = p.Role;
                    profile.Organisation = p.Organisation;
                }

                if (t.StartDate < profile.FirstStartDate) profile.FirstStartDate = t.StartDate;
                return profile;
            case WorkerCertified c when snapshot is not null && snapshot.Certificates.All(x => x.Course != c.Course):
                snapshot.Certificates.Add(new WorkerCertificate(c.Course, c.TrainingId, c.Time));
                return snapshot;
            default:
                return snapshot;
        }
    }
}
