using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.UnitTests.Reporting;

/// <summary>Figures assembled from the sums PostgreSQL answers.</summary>
public sealed class FigureRowsTests
{
    [Fact]
    public void A_share_has_one_decimal_and_carries_its_numerator_and_denominator()
    {
        var rows = new FigureRows();
        rows.Add("wellbeing-improved", "", "", new CellValue(2, 3));
        rows.Add("wellbeing-improved", "sex", "female", new CellValue(1, 2));

        var figures = rows.Figures(new IndicatorDefinition("wellbeing-improved", FigureKind.Share, Counting.Distinct, "sex"), null, null);

        Assert.Equal(new Figure(66.7m, 2, 3), figures.Total);
        Assert.Equal(50.0m, figures.Breakdown["sex"]["female"].Value);
    }

    [Fact]
    public void A_mean_has_one_decimal_and_nothing_to_average_is_no_value()
    {
        var rows = new FigureRows();
        rows.Add("knowledge-gain", "", "", new CellValue(70, 3));

        Assert.Equal(23.3m, rows.Figures(new IndicatorDefinition("knowledge-gain", FigureKind.Mean, Counting.Additive), null, null).Total.Value);
        Assert.Null(new FigureRows().Figures(new IndicatorDefinition("knowledge-gain", FigureKind.Mean, Counting.Additive), null, null).Total.Value);
    }

    [Fact]
    public void Every_dimension_is_answered_keys_without_anything_left_out_and_the_target_given()
    {
        var rows = new FigureRows();
        rows.Add("returnees-reached", "", "", new CellValue(3, 0));
        rows.Add("returnees-reached", "region", "kita", new CellValue(3, 0));
        rows.Add("returnees-reached", "sex", "male", new CellValue(0, 0));

        var figures = rows.Figures(new IndicatorDefinition("returnees-reached", FigureKind.Count, Counting.Distinct, "sex", "region", "vulnerability"), null, 5000);

        Assert.Equal(3, figures.Total.Value);
        Assert.Equal(5000, figures.Target);
        Assert.Empty(figures.Breakdown["sex"]);
        Assert.Empty(figures.Breakdown["vulnerability"]);
        Assert.Equal(3, figures.Breakdown["region"]["kita"].Value);
    }

    [Fact]
    public void A_series_has_an_entry_for_every_period_zero_where_nothing_was()
    {
        var rows = new FigureRows();
        rows.AddToPeriod("workshops", new DateOnly(2026, 2, 1), new CellValue(4, 0));
        var periods = SeriesPlan.Periods(Grain.Month, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));

        var series = rows.Figures(new IndicatorDefinition("workshops", FigureKind.Count, Counting.Additive), periods, null).Series!;

        Assert.Equal([("2026-01", 0m), ("2026-02", 4m), ("2026-03", 0m)], series.Select(p => (p.Period, p.Figure.Value!.Value)));
    }

    [Theory]
    [InlineData("2026-02-30", null, null, null, "from")]
    [InlineData(null, null, "paris", null, "region")]
    [InlineData(null, null, null, "week", "interval")]
    [InlineData("2026-03-01", "2026-02-01", null, null, "to")]
    public void A_bad_parameter_is_named(string? from, string? to, string? region, string? interval, string named)
    {
        var (question, problem) = IndicatorEndpoints.Read(from, to, region, interval, disclosure: null, new System.Security.Claims.ClaimsPrincipal());

        Assert.Null(question);
        Assert.NotNull(problem);
        Assert.Contains(named, IndicatorEndpoints.Errors(from, to, region, interval).Keys);
    }

    [Fact]
    public void Every_catalogue_indicator_is_answered_by_exactly_one_read_model()
    {
        IIndicatorSource[] sources = [new Reintegration.Reporting.Returnees.ReturneeReadModel(), new Reintegration.Reporting.Workers.WorkerReadModel(),
            new Reintegration.Reporting.Activities.ActivityReadModel()];

        Assert.Equal(IndicatorCatalogue.Codes.Order(), sources.SelectMany(s => s.Definitions).Select(d => d.Code).Order());
    }
}
