using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Indicators;

/// <summary>
/// The reporting officer's question: dates inclusive, on when things happened in the field (UTC,
/// which is Mali's time all year), a region, and optionally a series by month or quarter.
/// </summary>
public sealed record IndicatorFilter(DateOnly? From = null, DateOnly? To = null, string? Region = null, Grain? Interval = null)
{
    public static readonly IndicatorFilter Everything = new();
}
