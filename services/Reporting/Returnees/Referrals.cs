using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Returnees;

/// <summary>
/// <c>referrals</c>: referrals made, on the day made, in the returnee's region; <c>outcome</c> is
/// the closure's as known now, <c>open</c> while none is.
/// </summary>
public sealed class Referrals : IIndicatorSlice<ReturneeFacts>
{
    public const string Open = "open";

    public IndicatorDefinition Definition { get; } = new("referrals", FigureKind.Count, Counting.Additive, "service", "urgency", "outcome");

    public void Contribute(ReturneeFacts state, Contributions into)
    {
        if (state.Registration is not { } r) return;
        var j = state.Journey;
        foreach (var m in j.Referrals)
        {
            var outcome = j.ReferralClosures.FirstOrDefault(c => c.ReferralId == m.ReferralId)?.Outcome ?? Open;
            into.Count(Definition.Code, Periods.DayOf(m.Time), r.Region, ("service", m.Service), ("urgency", m.Urgency), ("outcome", outcome));
        }
    }
}
