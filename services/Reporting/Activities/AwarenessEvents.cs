using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Activities;

/// <summary><c>awareness-events</c>: awareness events held, by kind, in their own region.</summary>
public sealed class AwarenessEvents : IIndicatorSlice<ActivityFacts>
{
    public IndicatorDefinition Definition { get; } = new("awareness-events", FigureKind.Count, Counting.Additive, "kind", IndicatorDefinition.Region);

    public void Contribute(ActivityFacts state, Contributions into)
    {
        if (state.AwarenessEvent is { } a) into.Count(Definition.Code, Periods.DayOf(a.Time), a.Region, ("kind", a.Kind));
    }
}
