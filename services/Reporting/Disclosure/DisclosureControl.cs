using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Disclosure;

/// <summary>
/// Decides what of an exact <see cref="IndicatorFigures"/> leaves the service as an
/// <see cref="Indicator"/>. <see cref="Detail"/> answers every cell (<c>disclosure=detail</c>);
/// <see cref="Public"/> answers as null every cell that could single a person out, as the
/// catalogue's "Disclosure control" says. Pure: figures and a threshold in, an answer out.
/// </summary>
public static class DisclosureControl
{
    /// <summary>How <c>suppressed</c> names the periods of a series answered as null (a series is not a breakdown dimension).</summary>
    public const string SeriesDimension = "series";

    public static Indicator Apply(IndicatorFigures figures, DisclosureMode mode, int threshold) =>
        mode == DisclosureMode.Detail ? Detail(figures) : Public(figures, threshold);

    public static Indicator Detail(IndicatorFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new Indicator(
            figures.Code,
            figures.Total.Value,
            figures.Breakdown.ToDictionary(
                d => d.Key,
                d => (IReadOnlyDictionary<string, decimal?>)d.Value.ToDictionary(c => c.Key, c => c.Value.Value)))
        {
            Target = figures.Target,
            Numerator = figures.Kind == FigureKind.Share ? figures.Total.Numerator : null,
            Denominator = figures.Kind == FigureKind.Share ? figures.Total.Denominator : null,
            Series = figures.Series?.Select(p => new SeriesEntry(p.Period, p.Figure.Value)).ToList(),
        };
    }

    /// <summary>
    /// Primary suppression of every small cell (<see cref="SmallCells"/>), then, in each breakdown
    /// dimension and in the series, secondary suppression (<see cref="Complemented"/>). The total
    /// is suppressed by the primary rule alone: it is not derivable from anything else answered.
    /// </summary>
    public static Indicator Public(IndicatorFigures figures, int threshold)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var rule = new SmallCells(figures.Kind, threshold);
        var totalHidden = rule.Hides(figures.Total);

        var suppressed = new Dictionary<string, IReadOnlyList<string>>();
        var breakdown = new Dictionary<string, IReadOnlyDictionary<string, decimal?>>();
        foreach (var (dimension, cells) in figures.Breakdown)
        {
            var hidden = Complemented(cells.Select(c => (c.Key, c.Value)).ToList(), rule);
            breakdown[dimension] = cells.ToDictionary(c => c.Key, c => hidden.Contains(c.Key) ? null : c.Value.Value);
            if (hidden.Count > 0) suppressed[dimension] = cells.Keys.Where(hidden.Contains).ToList();
        }

        List<SeriesEntry>? series = null;
        if (figures.Series is { } periods)
        {
            var hidden = Complemented(periods.Select(p => (p.Period, p.Figure)).ToList(), rule);
            series = periods.Select(p => new SeriesEntry(p.Period, hidden.Contains(p.Period) ? null : p.Figure.Value)).ToList();
            if (hidden.Count > 0) suppressed[SeriesDimension] = periods.Select(p => p.Period).Where(hidden.Contains).ToList();
        }

        var isShare = figures.Kind == FigureKind.Share;
        return new Indicator(figures.Code, totalHidden ? null : figures.Total.Value, breakdown)
        {
            Target = figures.Target,
            // A share's numerator and denominator would give away the share they stand for.
            Numerator = isShare && !totalHidden ? figures.Total.Numerator : null,
            Denominator = isShare && !totalHidden ? figures.Total.Denominator : null,
            Series = series,
            Suppressed = suppressed.Count > 0 ? suppressed : null,
        };
    }

    /// <summary>
    /// The cells of one dimension (or of a series) to answer as null: the small ones, and, where
    /// that is exactly one, also the next smallest other cell, so that the one cannot be derived
    /// from the total and the rest. The next smallest is the one over the fewest people or things
    /// (<see cref="SmallCells.Size"/>); among equals, the first key in ordinal order, so that the
    /// same figures always hide the same cells. Cells of size zero are never that cell: hiding a
    /// zero hides nothing (and zero cells may be left out of a breakdown altogether).
    /// </summary>
    public static IReadOnlySet<string> Complemented(IReadOnlyList<(string Key, Figure Figure)> cells, SmallCells rule)
    {
        var hidden = cells.Where(c => rule.Hides(c.Figure)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (hidden.Count != 1) return hidden;

        var next = cells
            .Where(c => !hidden.Contains(c.Key) && rule.Size(c.Figure) > 0)
            .OrderBy(c => rule.Size(c.Figure))
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key)
            .FirstOrDefault();
        if (next is not null) hidden.Add(next);
        return hidden;
    }
}
