using JasperFx.Events;
using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Workers;

/// <summary>
/// The worker read model: one state per trained worker, from the trainings they took part in (on
/// each training's stream) and their certificates (on the worker's). A training's worker counts
/// in the training's region.
/// </summary>
public sealed class WorkerReadModel : ReadModel<WorkerFacts>
{
    public override string Name => "worker_facts";

    public override IReadOnlyList<IIndicatorSlice<WorkerFacts>> Indicators { get; } = [new WorkersTrained(), new KnowledgeGain(), new WorkersCertified()];

    public override IReadOnlyCollection<Type> EventTypes { get; } = [typeof(TrainingReported), typeof(WorkerCertificationReported)];

    public override IEnumerable<Guid> SubjectsOf(IEvent e) => e.Data switch
    {
        TrainingReported t => t.Participants.Select(p => p.WorkerId).Distinct(),
        WorkerCertificationReported c => [c.WorkerId],
        _ => [],
    };

    public override WorkerFacts Evolve(WorkerFacts? state, Guid subject, IEvent e) => WorkerFacts.Fold(state, subject, e.Data);

    protected override void ContributeRows(WorkerFacts state, Contributions into)
    {
        var completed = state.Completed.OrderBy(t => t.Time).ToList();
        var first = completed.FirstOrDefault() ?? state.Trainings.OrderBy(t => t.Time).FirstOrDefault();
        into.Row("worker", state.Id.ToString("D"), new Dictionary<string, object?>
        {
            ["worker_id"] = state.Id, ["sex"] = first?.Sex, ["role"] = first?.Role,
            ["trainings_attended"] = state.Trainings.Count, ["trainings_completed"] = completed.Count,
            ["first_completed_on"] = completed.Count == 0 ? null : Periods.DayOf(completed[0].Time),
            ["courses_completed"] = completed.Select(t => t.Course).Distinct().Order(StringComparer.Ordinal).ToList(),
            ["courses_certified"] = state.Certifications.Select(c => c.Course).Distinct().Order(StringComparer.Ordinal).ToList(),
        });
    }
}
