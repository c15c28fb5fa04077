using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Activities;

/// <summary><c>group-sessions</c>: group sessions held, in their own region.</summary>
public sealed class GroupSessions : IIndicatorSlice<ActivityFacts>
{
    public IndicatorDefinition Definition { get; } = new("group-sessions", FigureKind.Count, Counting.Additive, IndicatorDefinition.Region);

    public void Contribute(ActivityFacts state, Contributions into)
    {
        if (state.GroupSession is { } g) into.Count(Definition.Code, Periods.DayOf(g.Time), g.Region);
    }
}
