using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Returnees;

/// <summary><c>counselling-sessions</c>: individual and family sessions, in the returnee's region.</summary>
public sealed class CounsellingSessions : IIndicatorSlice<ReturneeFacts>
{
    public IndicatorDefinition Definition { get; } =
        new("counselling-sessions", FigureKind.Count, Counting.Additive, "intervention", "modality", IndicatorDefinition.Region);

    public void Contribute(ReturneeFacts state, Contributions into)
    {
        if (state.Registration is not { } r) return;
        foreach (var s in state.Journey.Sessions)
            into.Count(Definition.Code, Periods.DayOf(s.Time), r.Region, ("intervention", s.Intervention), ("modality", s.Modality));
    }
}
