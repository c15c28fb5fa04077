namespace Reintegration.Reporting.Indicators;

/// <summary>One indicator as the catalogue shapes it: dimension → key → value in the breakdown.</summary>
public sealed record Indicator(string Code, decimal Value, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Breakdown)
{
    public decimal? Target { get; init; }
}

public sealed record IndicatorReport(DateTimeOffset AsOf, DateOnly? From, DateOnly? To, string? Region, IReadOnlyList<Indicator> Indicators);
