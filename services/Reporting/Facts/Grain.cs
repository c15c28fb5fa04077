namespace Reintegration.Reporting.Facts;

/// <summary>
/// The calendar periods counts are kept for. Additive counts are kept at every grain, so any
/// window is a sum over a few quarters, months and days; distinct-person counts cannot be summed
/// across periods, so they are kept per month, per quarter and for all time, each exact.
/// </summary>
public enum Grain
{
    Day,
    Month,
    Quarter,
    All,
}

public static class Periods
{
    /// <summary>The period of <see cref="Grain.All"/>: one, starting at the first representable day.</summary>
    public static readonly DateOnly AllTime = DateOnly.MinValue;

    /// <summary>How a grain is stored: one letter.</summary>
    public static string Code(this Grain grain) => grain switch
    {
        Grain.Day => "d",
        Grain.Month => "m",
        Grain.Quarter => "q",
        _ => "a",
    };

    public static DateOnly StartOf(this Grain grain, DateOnly day) => grain switch
    {
        Grain.Day => day,
        Grain.Month => new DateOnly(day.Year, day.Month, 1),
        Grain.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => AllTime,
    };

    /// <summary>The last day of the period that starts at <paramref name="start"/>.</summary>
    public static DateOnly EndOf(this Grain grain, DateOnly start) => grain switch
    {
        Grain.Day => start,
        Grain.Month => start.AddMonths(1).AddDays(-1),
        Grain.Quarter => start.AddMonths(3).AddDays(-1),
        _ => DateOnly.MaxValue,
    };

    /// <summary>The catalogue's name of a period: <c>2026-03</c>, <c>2026-Q1</c>.</summary>
    public static string Label(this Grain grain, DateOnly start) => grain switch
    {
        Grain.Month => $"{start.Year:D4}-{start.Month:D2}",
        Grain.Quarter => $"{start.Year:D4}-Q{(start.Month - 1) / 3 + 1}",
        _ => start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The day of a field time: UTC, which is Mali's time all year.</summary>
    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);
}
