using System.Text.Json.Serialization;

namespace Reintegration.Reporting.Indicators;

/// <summary>What kind of figure an indicator is: disclosure control checks each kind differently.</summary>
public enum FigureKind
{
    /// <summary>Things or distinct people counted.</summary>
    Count,

    /// <summary>A sum of counts told by partners (people reached by awareness events).</summary>
    Sum,

    /// <summary>A percentage with one decimal, of <see cref="Figure.Numerator"/> over <see cref="Figure.Denominator"/>.</summary>
    Share,

    /// <summary>A mean with one decimal: <see cref="Figure.Numerator"/> is the sum, <see cref="Figure.Denominator"/> how many it is over.</summary>
    Mean,
}

/// <summary>
/// One exact figure, before disclosure control: a count or sum in <see cref="Value"/>; a share or
/// mean with the numerator and denominator it came from. <see cref="Value"/> is null where it is
/// undefined (a share or mean over nobody).
/// </summary>
public sealed record Figure(decimal? Value, decimal? Numerator = null, decimal? Denominator = null)
{
    public static readonly Figure Zero = new(0m);

    public static Figure Count(long count) => new(count);

    public static Figure Share(long numerator, long denominator) =>
        new(denominator == 0 ? null : Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero), numerator, denominator);

    public static Figure Mean(decimal sum, long over) =>
        new(over == 0 ? null : Math.Round(sum / over, 1, MidpointRounding.AwayFromZero), sum, over);
}

/// <summary>One period of a series: <c>2026-03</c> for a month, <c>2026-Q1</c> for a quarter.</summary>
public sealed record PeriodFigure(string Period, Figure Figure);

/// <summary>
/// An indicator as computed, every cell exact: the input of disclosure control, which decides
/// what leaves the service (<see cref="Indicator"/>). Breakdown: dimension → key → figure; keys
/// with nothing in them may be left out.
/// </summary>
public sealed record IndicatorFigures(
    string Code,
    FigureKind Kind,
    Figure Total,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, Figure>> Breakdown)
{
    public decimal? Target { get; init; }

    /// <summary>One entry per period of the window when a series was asked for (<c>interval</c>), else null.</summary>
    public IReadOnlyList<PeriodFigure>? Series { get; init; }
}

/// <summary>One indicator as the catalogue shapes it, after disclosure control: a suppressed cell is <c>null</c>.</summary>
public sealed record Indicator(
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Value,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> Breakdown)
{
    public decimal? Target { get; init; }

    /// <summary>Shares only.</summary>
    public decimal? Numerator { get; init; }

    /// <summary>Shares only.</summary>
    public decimal? Denominator { get; init; }

    public IReadOnlyList<SeriesEntry>? Series { get; init; }

    /// <summary>Dimension → keys answered as null by disclosure control; absent when nothing was.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Suppressed { get; init; }
}

public sealed record SeriesEntry(
    string Period,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] decimal? Value);

public sealed record IndicatorReport(DateTimeOffset AsOf, DateOnly? From, DateOnly? To, string? Region, IReadOnlyList<Indicator> Indicators);
