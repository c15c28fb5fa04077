using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Activities;

/// <summary><c>people-reached</c>: the sum of everyone awareness events reached, split by group, in the event's region.</summary>
public sealed class PeopleReached : IIndicatorSlice<ActivityFacts>
{
    public IndicatorDefinition Definition { get; } = new("people-reached", FigureKind.Sum, Counting.Additive, "group", IndicatorDefinition.Region);

    public void Contribute(ActivityFacts state, Contributions into)
    {
        if (state.AwarenessEvent is not { } a) return;
        var day = Periods.DayOf(a.Time);
        into.Add(Definition.Code, day, a.Region, a.Women + a.Men + a.Girls + a.Boys, 0);
        foreach (var (group, reached) in (ReadOnlySpan<(string, int)>)[("women", a.Women), ("men", a.Men), ("girls", a.Girls), ("boys", a.Boys)])
            if (reached > 0) into.AddToKey(Definition.Code, day, a.Region, "group", group, reached);
    }
}
