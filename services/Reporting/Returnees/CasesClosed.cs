using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Returnees;

/// <summary><c>cases-closed</c>: every closure (a case closed, reopened and closed again counts twice), in the returnee's region.</summary>
public sealed class CasesClosed : IIndicatorSlice<ReturneeFacts>
{
    public IndicatorDefinition Definition { get; } = new("cases-closed", FigureKind.Count, Counting.Additive, "reason");

    public void Contribute(ReturneeFacts state, Contributions into)
    {
        if (state.Registration is not { } r) return;
        foreach (var c in state.Journey.Closures) into.Count(Definition.Code, Periods.DayOf(c.Time), r.Region, ("reason", c.Reason));
    }
}
