using Reintegration.Reporting.Indicators;

namespace Reintegration.UnitTests.Reporting.Disclosure;

/// <summary>Hand-made exact figures for the disclosure specs.</summary>
public static class Figures
{
    public static IndicatorFigures Counts(decimal total, params (string Dimension, (string Key, decimal Value)[] Cells)[] breakdown) =>
        new("returnees-reached", FigureKind.Count, new Figure(total), Dimensions(breakdown, v => new Figure(v)));

    public static IndicatorFigures Shares((long Numerator, long Denominator) total, params (string Dimension, (string Key, (long Numerator, long Denominator) Value)[] Cells)[] breakdown) =>
        new("wellbeing-improved", FigureKind.Share, Figure.Share(total.Numerator, total.Denominator), Dimensions(breakdown, v => Figure.Share(v.Numerator, v.Denominator)));

    public static IndicatorFigures Means((decimal Sum, long Over) total, params (string Dimension, (string Key, (decimal Sum, long Over) Value)[] Cells)[] breakdown) =>
        new("knowledge-gain", FigureKind.Mean, Figure.Mean(total.Sum, total.Over), Dimensions(breakdown, v => Figure.Mean(v.Sum, v.Over)));

    public static IndicatorFigures WithSeries(this IndicatorFigures figures, params (string Period, decimal Value)[] periods) =>
        figures with { Series = periods.Select(p => new PeriodFigure(p.Period, new Figure(p.Value))).ToList() };

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Figure>> Dimensions<T>(
        (string Dimension, (string Key, T Value)[] Cells)[] breakdown, Func<T, Figure> figure) =>
        breakdown.ToDictionary(d => d.Dimension, d => (IReadOnlyDictionary<string, Figure>)d.Cells.ToDictionary(c => c.Key, c => figure(c.Value)));
}
