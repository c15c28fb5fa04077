namespace Reintegration.PartnerSimulator.Generation;

/// <summary>What an indicator is: the catalogue says how each is rounded and what it carries.</summary>
public enum IndicatorKind
{
    /// <summary>Events or distinct people: a whole number.</summary>
    Count,

    /// <summary>A total of counts reported in events (people reached): a whole number.</summary>
    Sum,

    /// <summary>A percentage with one decimal, with its numerator and denominator.</summary>
    Share,

    /// <summary>A mean with one decimal; here with its sum (numerator) and count (denominator).</summary>
    Mean,
}

/// <summary>
/// One figure: a whole indicator, a breakdown cell or a period of a series. For a share,
/// <see cref="Value"/> is the percentage rounded to one decimal (half away from zero) and null
/// when the denominator is 0; for a mean, the mean rounded likewise, null over nobody, with the
/// sum as <see cref="Numerator"/> and the count as <see cref="Denominator"/>.
/// </summary>
public sealed record ExpectedFigure(decimal? Value, long? Numerator = null, long? Denominator = null)
{
    public static ExpectedFigure Count(long count) => new(count);

    public static ExpectedFigure Share(long numerator, long denominator) =>
        new(denominator == 0 ? null : Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero), numerator, denominator);

    public static ExpectedFigure Mean(long sum, long count) =>
        new(count == 0 ? null : Math.Round((decimal)sum / count, 1, MidpointRounding.AwayFromZero), sum, count);
}

/// <summary>A period of a series: <c>2026-03</c>, or <c>2026-Q1</c> for quarters.</summary>
public sealed record ExpectedPeriod(string Period, ExpectedFigure Figure);

/// <summary>
/// An indicator as the catalogue defines it, computed from a programme's facts: its figure, its
/// breakdown (dimension → key → figure; keys that count nothing are left out, as the catalogue
/// allows), its target where the catalogue configures one, and its series when asked for.
/// </summary>
public sealed record ExpectedIndicator(
    string Code, IndicatorKind Kind, ExpectedFigure Figure, IReadOnlyDictionary<string, IReadOnlyDictionary<string, ExpectedFigure>> Breakdown)
{
    public decimal? Value => Figure.Value;

    public int? Target { get; init; }

    /// <summary>One entry per period of the query's window, in order; empty unless a series was asked for.</summary>
    public IReadOnlyList<ExpectedPeriod> Series { get; init; } = [];

    /// <summary>A breakdown cell's value, or 0 for a key that counts nothing (null for a share or mean over nobody).</summary>
    public decimal? Cell(string dimension, string key) =>
        Breakdown.TryGetValue(dimension, out var cells) && cells.TryGetValue(key, out var figure)
            ? figure.Value
            : Kind is IndicatorKind.Share or IndicatorKind.Mean ? null : 0;
}
