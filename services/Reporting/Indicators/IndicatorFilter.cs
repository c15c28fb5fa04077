namespace Reintegration.Reporting.Indicators;

/// <summary>
/// The reporting officer's question: dates inclusive, on when things happened in the field (UTC,
/// which is Mali's time all year), and a region.
/// </summary>
public sealed record IndicatorFilter(DateOnly? From = null, DateOnly? To = null, string? Region = null)
{
    public static readonly IndicatorFilter Everything = new();

    public bool Includes(DateTimeOffset time)
    {
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        return (From is null || day >= From) && (To is null || day <= To);
    }

    public bool Includes(string region) => Region is null || Region == region;
}
