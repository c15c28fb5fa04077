using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Workers;

/// <summary>
/// <c>workers-trained</c>: distinct workers who completed a training in the window, once in each
/// role, sex, region and course of the trainings they completed there (the role and sex as each
/// training told them); the total counts each worker once.
/// </summary>
public sealed class WorkersTrained : IIndicatorSlice<WorkerFacts>
{
    public IndicatorDefinition Definition { get; } =
        new("workers-trained", FigureKind.Count, Counting.Distinct, "role", "sex", IndicatorDefinition.Region, "course");

    public void Contribute(WorkerFacts state, Contributions into)
    {
        foreach (var t in state.Completed)
            into.Person(Definition.Code, state.Id, Periods.DayOf(t.Time), t.Region, ("role", t.Role), ("sex", t.Sex), ("course", t.Course));
    }
}
