using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Disclosure;

/// <summary>
/// Decides what of an exact <see cref="IndicatorFigures"/> leaves the service as an
/// <see cref="Indicator"/>. <see cref="Detail"/> answers every cell (<c>disclosure=detail</c>).
/// </summary>
public static class DisclosureControl
{
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
}
