using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Returnees;

/// <summary><c>assessments</c>: assessments recorded, by instrument, in the returnee's region.</summary>
public sealed class Assessments : IIndicatorSlice<ReturneeFacts>
{
    public IndicatorDefinition Definition { get; } = new("assessments", FigureKind.Count, Counting.Additive, "instrument");

    public void Contribute(ReturneeFacts state, Contributions into)
    {
        if (state.Registration is not { } r) return;
        foreach (var a in state.Journey.Assessments) into.Count(Definition.Code, Periods.DayOf(a.Time), r.Region, ("instrument", a.Instrument));
    }
}
