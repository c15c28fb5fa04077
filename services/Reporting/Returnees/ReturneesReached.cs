using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Returnees;

/// <summary>
/// <c>returnees-reached</c>: distinct registered returnees with at least one psychosocial service
/// in the window (a counselling session, a group session or a workshop), in their registration's
/// region; <c>vulnerability</c> from their latest screening by time, once under each code it lists.
/// </summary>
public sealed class ReturneesReached : IIndicatorSlice<ReturneeFacts>
{
    public const string Code = "returnees-reached";

    public IndicatorDefinition Definition { get; } =
        new(Code, FigureKind.Count, Counting.Distinct, "sex", "ageGroup", IndicatorDefinition.Region, "vulnerability");

    public void Contribute(ReturneeFacts state, Contributions into)
    {
        if (state.Registration is not { } r) return;
        var j = state.Journey;
        var days = j.Sessions.Select(s => s.Time).Concat(j.GroupSessions.Select(g => g.Time)).Concat(j.Workshops.Select(w => w.Time))
            .Select(Periods.DayOf).Distinct();
        (string, string)[] keys =
        [
            ReturneeKeys.Sex(r), ReturneeKeys.AgeGroup(r),
            .. (state.LatestScreening?.Vulnerabilities ?? []).Distinct().Select(v => ("vulnerability", v)),
        ];
        foreach (var day in days) into.Person(Code, state.Id, day, r.Region, keys);
    }
}
