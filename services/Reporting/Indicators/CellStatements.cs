using Npgsql;
using NpgsqlTypes;
using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Indicators;

/// <summary>
/// The SQL that answers a question from a read model's tables, each statement a sum over a few
/// kept cells (or, for a distinct count over an arbitrary window, over the people's days in it),
/// every value a parameter. Each statement says how its rows land in <see cref="FigureRows"/>.
/// </summary>
public static class CellStatements
{
    public sealed record Statement(NpgsqlBatchCommand Command, Action<NpgsqlDataReader, FigureRows> Read);

    /// <summary>Totals, keys and regions of <paramref name="codes"/> summed over the cells of <paramref name="ranges"/>.</summary>
    public static Statement Breakdown(ReadModelTables tables, string[] codes, IReadOnlyList<CellRange> ranges, string? region)
    {
        var command = new NpgsqlBatchCommand();
        var p = Parameters(command);
        var (codeList, inRanges, regionCell, regionFilter) = (p(codes, NpgsqlDbType.Array | NpgsqlDbType.Text), Ranges(ranges, p),
            p(region ?? Contributions.AllRegions, NpgsqlDbType.Text), p(region, NpgsqlDbType.Text));
        command.CommandText =
            $"""
             select indicator, dimension, key, sum(n), sum(d)::bigint from {tables.Cells}
             where indicator = any({codeList}) and region = {regionCell} and ({inRanges}) group by indicator, dimension, key
             union all
             select indicator, '{IndicatorDefinition.Region}', region, sum(n), sum(d)::bigint from {tables.Cells}
             where indicator = any({codeList}) and region not in ('{Contributions.AllRegions}', '') and ({regionFilter} is null or region = {regionFilter})
               and dimension = '' and ({inRanges}) group by indicator, region
             """;
        return new Statement(command, ReadBreakdown);
    }

    /// <summary>Distinct people of <paramref name="codes"/> over any window, exact, from the people's days.</summary>
    public static Statement ExactDistinct(ReadModelTables tables, string[] codes, DateOnly? from, DateOnly? to, string? region)
    {
        var command = new NpgsqlBatchCommand();
        var p = Parameters(command);
        var (codeList, f, t, r) = (p(codes, NpgsqlDbType.Array | NpgsqlDbType.Text), p(from, NpgsqlDbType.Date), p(to, NpgsqlDbType.Date), p(region, NpgsqlDbType.Text));
        command.CommandText =
            $"""
             with h as (
               select indicator, person, region, keys from {tables.Hits}
               where indicator = any({codeList}) and ({f} is null or day >= {f}) and ({t} is null or day <= {t}) and ({r} is null or region = {r}))
             select indicator, '', '', count(distinct person)::numeric, 0::bigint from h group by indicator
             union all
             select indicator, '{IndicatorDefinition.Region}', region, count(distinct person)::numeric, 0::bigint from h where region <> '' group by indicator, region
             union all
             select indicator, split_part(k, '=', 1), split_part(k, '=', 2), count(distinct person)::numeric, 0::bigint from h, unnest(keys) k group by indicator, k
             """;
        return new Statement(command, ReadBreakdown);
    }

    /// <summary>An indicator's own exact query over a window.</summary>
    public static Statement Exact(ReadModelTables tables, IExactWindowQuery query, DateOnly? from, DateOnly? to, string? region)
    {
        var command = new NpgsqlBatchCommand(query.Sql(tables));
        var p = Parameters(command);
        _ = (p(from, NpgsqlDbType.Date), p(to, NpgsqlDbType.Date), p(region, NpgsqlDbType.Text));
        return new Statement(command, ReadBreakdown);
    }

    /// <summary>Totals of <paramref name="codes"/> over the cells of <paramref name="ranges"/>, each added to the series period its cell falls in.</summary>
    public static Statement SeriesTotals(ReadModelTables tables, string[] codes, IReadOnlyList<CellRange> ranges, string? region, Grain interval)
    {
        var command = new NpgsqlBatchCommand();
        var p = Parameters(command);
        var (codeList, inRanges, regionCell) = (p(codes, NpgsqlDbType.Array | NpgsqlDbType.Text), Ranges(ranges, p), p(region ?? Contributions.AllRegions, NpgsqlDbType.Text));
        command.CommandText =
            $"""
             select indicator, period, sum(n), sum(d)::bigint from {tables.Cells}
             where indicator = any({codeList}) and region = {regionCell} and dimension = '' and ({inRanges}) group by indicator, period
             """;
        return new Statement(command, (reader, rows) => rows.AddToPeriod(
            reader.GetString(0), interval.StartOf(reader.GetFieldValue<DateOnly>(1)), new CellValue(reader.GetDecimal(2), reader.GetInt64(3))));
    }

    /// <summary>A statement whose totals count for one series period (a partial period of a distinct count).</summary>
    public static Statement ForPeriod(Statement statement, DateOnly periodStart) => statement with
    {
        Read = (reader, rows) =>
        {
            if (reader.GetString(1).Length == 0)
                rows.AddToPeriod(reader.GetString(0), periodStart, new CellValue(reader.GetDecimal(3), reader.GetInt64(4)));
        },
    };

    /// <summary>The first and last month holding any cell of these read models.</summary>
    public static NpgsqlBatchCommand Span(IEnumerable<ReadModelTables> tables) => new(
        $"select min(period), max(period) from ({string.Join(" union all ", tables.Select(t => $"(select period from {t.Cells} where grain = 'm')"))}) s");

    private static void ReadBreakdown(NpgsqlDataReader reader, FigureRows rows) =>
        rows.Add(reader.GetString(0), reader.GetString(1), reader.GetString(2), new CellValue(reader.GetDecimal(3), reader.GetInt64(4)));

    private static string Ranges(IReadOnlyList<CellRange> ranges, Func<object?, NpgsqlDbType, string> p) =>
        ranges.Count == 0
            ? "false"
            : string.Join(" or ", ranges.Select(r =>
                $"(grain = {p(r.Grain.Code(), NpgsqlDbType.Text)}"
                + (r.From is { } f ? $" and period >= {p(f, NpgsqlDbType.Date)}" : "")
                + (r.To is { } t ? $" and period <= {p(t, NpgsqlDbType.Date)}" : "") + ")"));

    /// <summary>Adds a typed parameter (null as SQL null) and answers its placeholder.</summary>
    private static Func<object?, NpgsqlDbType, string> Parameters(NpgsqlBatchCommand command) => (value, type) =>
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
        return $"${command.Parameters.Count}";
    };
}
