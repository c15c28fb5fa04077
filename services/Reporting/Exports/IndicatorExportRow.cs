using CsvHelper;
using MiniExcelLibs.Attributes;
using Reintegration.Reporting.Disclosure;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Exports;

/// <summary>
/// One row of the indicator export: an indicator's total (no dimension, key or period), one cell
/// of its breakdown (dimension and key), or one period of its series. Exactly the values
/// <c>GET /indicators</c> answers for the same query: empty where it answers null.
/// <see cref="Suppressed"/> marks the cells and periods the answer's <c>suppressed</c> names, and
/// a total answered null in public mode (except a share over nobody, whose denominator of 0 says
/// it has no value; a mean over nobody cannot be told apart there and is marked too).
/// </summary>
[CsvRecord]
public sealed partial class IndicatorExportRow
{
    [CsvColumn("indicator"), ExcelColumnName("indicator")] public string Indicator { get; init; } = "";
    [CsvColumn("dimension"), ExcelColumnName("dimension")] public string Dimension { get; init; } = "";
    [CsvColumn("key"), ExcelColumnName("key")] public string Key { get; init; } = "";
    [CsvColumn("period"), ExcelColumnName("period")] public string Period { get; init; } = "";
    [CsvColumn("value"), ExcelColumnName("value")] public decimal? Value { get; init; }
    [CsvColumn("numerator"), ExcelColumnName("numerator")] public decimal? Numerator { get; init; }
    [CsvColumn("denominator"), ExcelColumnName("denominator")] public decimal? Denominator { get; init; }
    [CsvColumn("target"), ExcelColumnName("target")] public decimal? Target { get; init; }
    [CsvColumn("suppressed"), ExcelColumnName("suppressed")] public bool Suppressed { get; init; }

    /// <summary>The rows of a report: per indicator its total, then each breakdown cell, then each period.</summary>
    public static IEnumerable<IndicatorExportRow> Of(IndicatorReport report, DisclosureMode mode) => report.Indicators.SelectMany(i => Of(i, mode));

    public static IEnumerable<IndicatorExportRow> Of(Indicator indicator, DisclosureMode mode)
    {
        var hidden = indicator.Suppressed ?? new Dictionary<string, IReadOnlyList<string>>();
        bool Hidden(string dimension, string key) => hidden.TryGetValue(dimension, out var keys) && keys.Contains(key);

        yield return new IndicatorExportRow
        {
            Indicator = indicator.Code,
            Value = indicator.Value,
            Numerator = indicator.Numerator,
            Denominator = indicator.Denominator,
            Target = indicator.Target,
            Suppressed = mode == DisclosureMode.Public && indicator.Value is null && indicator.Denominator is not 0,
        };
        foreach (var (dimension, cells) in indicator.Breakdown)
        foreach (var (key, value) in cells)
            yield return new IndicatorExportRow { Indicator = indicator.Code, Dimension = dimension, Key = key, Value = value, Suppressed = Hidden(dimension, key) };
        foreach (var entry in indicator.Series ?? [])
            yield return new IndicatorExportRow
            {
                Indicator = indicator.Code, Period = entry.Period, Value = entry.Value, Suppressed = Hidden(DisclosureControl.SeriesDimension, entry.Period),
            };
    }
}
