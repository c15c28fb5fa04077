using Microsoft.Extensions.Options;
using Npgsql;
using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Indicators;

/// <summary>
/// Answers a question with exact <see cref="IndicatorFigures"/> from PostgreSQL: each read
/// model's cells (and, for distinct people over an arbitrary window, their days), in one round
/// trip whatever the number of indicators (two with a series over an open window). Nothing of a
/// read model is loaded into the service; what comes back is one row per indicator and key.
/// </summary>
public sealed class IndicatorReader(ReportingDatabase database, IEnumerable<IIndicatorSource> sources, IOptions<IndicatorOptions> options)
{
    private readonly IReadOnlyList<IIndicatorSource> _sources = [.. sources];

    public async Task<IReadOnlyList<IndicatorFigures>> ReadAsync(IndicatorFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var series = filter.Interval is { } interval ? await SeriesPeriodsAsync(connection, interval, filter, cancellationToken) : null;

        var statements = _sources.SelectMany(s => Statements(s, filter, series)).ToList();
        var rows = new FigureRows();
        await using (var batch = new NpgsqlBatch(connection))
        {
            foreach (var statement in statements) batch.BatchCommands.Add(statement.Command);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var statement in statements)
            {
                while (await reader.ReadAsync(cancellationToken)) statement.Read(reader, rows);
                await reader.NextResultAsync(cancellationToken);
            }
        }

        var targets = options.Value.Targets;
        return _sources.SelectMany(s => s.Definitions)
            .OrderBy(d => IndicatorCatalogue.Order(d.Code))
            .Select(d => rows.Figures(d, series, targets.TryGetValue(d.Code, out var target) ? target : null))
            .ToList();
    }

    private static IEnumerable<CellStatements.Statement> Statements(IIndicatorSource source, IndicatorFilter filter, IReadOnlyList<SeriesPeriod>? series)
    {
        var (from, to, region) = (filter.From, filter.To, filter.Region);
        var additive = Codes(source, d => d.Counting == Counting.Additive);
        var distinct = source.Definitions.Where(d => d.Counting == Counting.Distinct).ToList();
        var byHits = distinct.Where(d => d.ExactWindow is null).Select(d => d.Code).ToArray();

        if (additive.Length > 0) yield return CellStatements.Breakdown(source.Tables, additive, WindowPlan.Additive(from, to), region);
        if (distinct.Count > 0)
        {
            if (WindowPlan.Distinct(from, to) is { } cell) yield return CellStatements.Breakdown(source.Tables, [.. distinct.Select(d => d.Code)], [cell], region);
            else
            {
                if (byHits.Length > 0) yield return CellStatements.ExactDistinct(source.Tables, byHits, from, to, region);
                foreach (var own in distinct.Where(d => d.ExactWindow is not null))
                    yield return CellStatements.Exact(source.Tables, own.ExactWindow!, from, to, region);
            }
        }

        if (series is not { Count: > 0 } || filter.Interval is not { } interval) yield break;
        if (additive.Length > 0)
            yield return CellStatements.SeriesTotals(source.Tables, additive, [.. series.SelectMany(p => WindowPlan.Additive(p.From, p.To))], region, interval);
        if (distinct.Count == 0) yield break;
        var whole = series.Where(p => p.IsWhole(interval)).ToList();
        if (whole.Count > 0)
            yield return CellStatements.SeriesTotals(source.Tables, [.. distinct.Select(d => d.Code)],
                [.. whole.Select(p => new CellRange(interval, p.PeriodStart, p.PeriodStart))], region, interval);
        foreach (var part in series.Where(p => !p.IsWhole(interval)))
        {
            if (byHits.Length > 0) yield return CellStatements.ForPeriod(CellStatements.ExactDistinct(source.Tables, byHits, part.From, part.To, region), part.PeriodStart);
            foreach (var own in distinct.Where(d => d.ExactWindow is not null))
                yield return CellStatements.ForPeriod(CellStatements.Exact(source.Tables, own.ExactWindow!, part.From, part.To, region), part.PeriodStart);
        }
    }

    /// <summary>
    /// The periods of the window; an open end is the first or last month with any data (so a
    /// series without from and to runs from the first period with data to the last).
    /// </summary>
    private async Task<IReadOnlyList<SeriesPeriod>> SeriesPeriodsAsync(NpgsqlConnection connection, Grain interval, IndicatorFilter filter, CancellationToken cancellationToken)
    {
        var (from, to) = (filter.From, filter.To);
        if (from is null || to is null)
        {
            await using var batch = new NpgsqlBatch(connection) { BatchCommands = { CellStatements.Span(_sources.Select(s => s.Tables)) } };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.IsDBNull(0)) return from is { } f && to is { } t ? SeriesPlan.Periods(interval, f, t) : [];
            from ??= reader.GetFieldValue<DateOnly>(0);
            to ??= Grain.Month.EndOf(reader.GetFieldValue<DateOnly>(1));
        }

        return from > to ? [] : SeriesPlan.Periods(interval, from.Value, to.Value);
    }

    private static string[] Codes(IIndicatorSource source, Func<IndicatorDefinition, bool> which) =>
        [.. source.Definitions.Where(which).Select(d => d.Code)];
}
