using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Activities;

/// <summary><c>workshops</c>: workshops held, by kind, in their own region.</summary>
public sealed class Workshops : IIndicatorSlice<ActivityFacts>
{
    public IndicatorDefinition Definition { get; } = new("workshops", FigureKind.Count, Counting.Additive, "kind", IndicatorDefinition.Region);

    public void Contribute(ActivityFacts state, Contributions into)
    {
        if (state.Workshop is { } w) into.Count(Definition.Code, Periods.DayOf(w.Time), w.Region, ("kind", w.Kind));
    }
}
