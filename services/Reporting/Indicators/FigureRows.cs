using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Indicators;

/// <summary>
/// What PostgreSQL answers for a question, as sums per indicator, dimension and key (the total
/// with both empty) and per indicator and period of a series; pure assembly into
/// <see cref="IndicatorFigures"/> from there.
/// </summary>
public sealed class FigureRows
{
    private readonly Dictionary<(string Indicator, string Dimension, string Key), CellValue> _cells = new();
    private readonly Dictionary<(string Indicator, DateOnly Period), CellValue> _series = new();

    public void Add(string indicator, string dimension, string key, CellValue value) =>
        _cells[(indicator, dimension, key)] = _cells.TryGetValue((indicator, dimension, key), out var known) ? known + value : value;

    public void AddToPeriod(string indicator, DateOnly periodStart, CellValue value) =>
        _series[(indicator, periodStart)] = _series.TryGetValue((indicator, periodStart), out var known) ? known + value : value;

    public IndicatorFigures Figures(IndicatorDefinition definition, IReadOnlyList<SeriesPeriod>? series, decimal? target)
    {
        var total = _cells.GetValueOrDefault((definition.Code, "", ""));
        var breakdown = definition.Dimensions.ToDictionary(
            dimension => dimension,
            dimension => (IReadOnlyDictionary<string, Figure>)_cells
                .Where(c => c.Key.Indicator == definition.Code && c.Key.Dimension == dimension && !c.Value.IsZero)
                .OrderBy(c => c.Key.Key, StringComparer.Ordinal)
                .ToDictionary(c => c.Key.Key, c => FigureOf(definition.Kind, c.Value)));
        return new IndicatorFigures(definition.Code, definition.Kind, FigureOf(definition.Kind, total), breakdown)
        {
            Target = target,
            Series = series?.Select(p => new PeriodFigure(p.Label, FigureOf(definition.Kind, _series.GetValueOrDefault((definition.Code, p.PeriodStart))))).ToList(),
        };
    }

    public static Figure FigureOf(FigureKind kind, CellValue value) => kind switch
    {
        FigureKind.Count => Figure.Count((long)value.N),
        FigureKind.Sum => new Figure(value.N),
        FigureKind.Share => Figure.Share((long)value.N, value.D),
        _ => Figure.Mean(value.N, value.D),
    };
}
