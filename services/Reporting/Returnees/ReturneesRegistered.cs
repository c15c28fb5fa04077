using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Returnees;

/// <summary><c>returnees-registered</c>: each returnee once, on the day of their registration (the first told stands).</summary>
public sealed class ReturneesRegistered : IIndicatorSlice<ReturneeFacts>
{
    public IndicatorDefinition Definition { get; } =
        new("returnees-registered", FigureKind.Count, Counting.Additive, "sex", "ageGroup", IndicatorDefinition.Region, "returnedFrom");

    public void Contribute(ReturneeFacts state, Contributions into)
    {
        if (state.Registration is not { } r) return;
        into.Count(Definition.Code, Periods.DayOf(r.Time), r.Region, ReturneeKeys.Sex(r), ReturneeKeys.AgeGroup(r), ("returnedFrom", r.ReturnedFrom));
    }
}
