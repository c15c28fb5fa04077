using System.Globalization;

namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// The catalogue's query of <c>GET /indicators</c>: <c>from</c> and <c>to</c> (dates, inclusive,
/// on the event <c>time</c>, read in UTC) and <c>region</c>, all optional.
/// </summary>
public sealed record IndicatorQuery(DateOnly? From = null, DateOnly? To = null, string? Region = null)
{
    /// <summary>No filter: the whole programme.</summary>
    public static IndicatorQuery None { get; } = new();

    public bool InWindow(DateTimeOffset time)
    {
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        return (From is not { } from || day >= from) && (To is not { } to || day <= to);
    }

    public bool InRegion(string? region) => Region is null || region == Region;

    /// <summary>The query string for <c>GET /indicators</c>, e.g. <c>?from=2026-03-01&amp;region=kita</c>; empty without filters.</summary>
    public string ToQueryString(string? interval = null)
    {
        var parts = new List<string>();
        if (From is { } from) parts.Add($"from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        if (To is { } to) parts.Add($"to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        if (Region is not null) parts.Add($"region={Uri.EscapeDataString(Region)}");
        if (interval is not null) parts.Add($"interval={interval}");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>The catalogue's <c>interval</c> for series.</summary>
public enum SeriesInterval
{
    Month,
    Quarter,
}
