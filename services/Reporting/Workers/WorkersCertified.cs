using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Workers;

/// <summary>
/// <c>workers-certified</c>: distinct workers certified in the window, once per course. A
/// certificate names no region: it counts in the region of the worker's latest completed
/// training of that course, and in no region (the total only) until Reporting knows one.
/// </summary>
public sealed class WorkersCertified : IIndicatorSlice<WorkerFacts>
{
    public IndicatorDefinition Definition { get; } = new("workers-certified", FigureKind.Count, Counting.Distinct, "course");

    public void Contribute(WorkerFacts state, Contributions into)
    {
        foreach (var c in state.Certifications)
        {
            var region = state.Completed.Where(t => t.Course == c.Course).OrderBy(t => t.Time).LastOrDefault()?.Region ?? Contributions.UnknownRegion;
            into.Person(Definition.Code, state.Id, Periods.DayOf(c.Time), region, ("course", c.Course));
        }
    }
}
