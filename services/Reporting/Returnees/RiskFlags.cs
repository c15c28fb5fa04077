using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Returnees;

/// <summary><c>risk-flags</c>: PHQ-9 self-harm flags raised (one per assessment), on the day raised, in the returnee's region.</summary>
public sealed class RiskFlags : IIndicatorSlice<ReturneeFacts>
{
    public IndicatorDefinition Definition { get; } = new("risk-flags", FigureKind.Count, Counting.Additive, IndicatorDefinition.Region);

    public void Contribute(ReturneeFacts state, Contributions into)
    {
        if (state.Registration is not { } r) return;
        foreach (var flag in state.Journey.RiskFlags) into.Count(Definition.Code, Periods.DayOf(flag.Time), r.Region);
    }
}
