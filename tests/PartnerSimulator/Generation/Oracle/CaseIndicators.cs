namespace Reintegration.PartnerSimulator.Generation;

/// <summary><c>cases-closed</c>: every closure (a reopened case closed again counts again), in the returnee's region.</summary>
internal static class CaseIndicators
{
    public static ExpectedIndicator Closed(Known known, IndicatorQuery query) =>
        Tally.Count(IndicatorCodes.CasesClosed,
            known.Facts.Closures.Where(c => query.InWindow(c.Time) && known.InRegion(c.ReturneeId, query)),
            Dimension<ClosureFact>.One("reason", c => c.Reason));
}
