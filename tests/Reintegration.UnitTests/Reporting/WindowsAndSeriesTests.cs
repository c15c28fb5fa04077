using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;

namespace Reintegration.UnitTests.Reporting;

/// <summary>Which kept cells answer a window, and the periods of a series.</summary>
public sealed class WindowsAndSeriesTests
{
    private static DateOnly D(int month, int day, int year = 2026) => new(year, month, day);

    [Fact]
    public void No_window_is_the_all_time_cell() =>
        Assert.Equal([new CellRange(Grain.All, null, null)], WindowPlan.Additive(null, null));

    [Fact]
    public void A_window_is_covered_by_whole_quarters_then_whole_months_then_the_edge_days_inclusive()
    {
        var ranges = WindowPlan.Additive(D(1, 15), D(8, 10));

        Assert.Equal(
        [
            new CellRange(Grain.Quarter, D(4, 1), D(4, 1)),
            new CellRange(Grain.Month, D(2, 1), D(3, 1)),
            new CellRange(Grain.Day, D(1, 15), D(1, 31)),
            new CellRange(Grain.Month, D(7, 1), D(7, 1)),
            new CellRange(Grain.Day, D(8, 1), D(8, 10)),
        ], ranges);
    }

    [Fact]
    public void A_window_inside_one_month_is_its_days()
    {
        Assert.Equal([new CellRange(Grain.Day, D(2, 3), D(2, 3))], WindowPlan.Additive(D(2, 3), D(2, 3)));
        Assert.Equal([new CellRange(Grain.Month, D(2, 1), D(2, 1))], WindowPlan.Additive(D(2, 1), D(2, 28)));
    }

    [Fact]
    public void An_open_end_is_covered_by_an_open_run_of_quarters()
    {
        Assert.Equal([new CellRange(Grain.Quarter, null, D(1, 1)), new CellRange(Grain.Month, D(4, 1), D(4, 1)), new CellRange(Grain.Day, D(5, 1), D(5, 2))],
            WindowPlan.Additive(null, D(5, 2)));
        Assert.Equal([new CellRange(Grain.Quarter, D(1, 1), null), new CellRange(Grain.Day, D(12, 31, 2025), D(12, 31, 2025))],
            WindowPlan.Additive(D(12, 31, 2025), null));
    }

    [Fact]
    public void Distinct_people_have_a_cell_for_all_time_a_calendar_month_or_a_calendar_quarter_only()
    {
        Assert.Equal(new CellRange(Grain.All, null, null), WindowPlan.Distinct(null, null));
        Assert.Equal(new CellRange(Grain.Month, D(2, 1), D(2, 1)), WindowPlan.Distinct(D(2, 1), D(2, 28)));
        Assert.Equal(new CellRange(Grain.Quarter, D(4, 1), D(4, 1)), WindowPlan.Distinct(D(4, 1), D(6, 30)));
        Assert.Null(WindowPlan.Distinct(D(2, 1), D(2, 27)));
        Assert.Null(WindowPlan.Distinct(D(1, 1), D(12, 31)));
        Assert.Null(WindowPlan.Distinct(null, D(2, 28)));
    }

    [Fact]
    public void A_series_has_every_period_the_window_touches_the_first_and_last_cut_to_it()
    {
        var months = SeriesPlan.Periods(Grain.Month, D(1, 15), D(3, 10));

        Assert.Equal(["2026-01", "2026-02", "2026-03"], months.Select(p => p.Label));
        Assert.Equal((D(1, 15), D(1, 31)), (months[0].From, months[0].To));
        Assert.True(months[1].IsWhole(Grain.Month));
        Assert.False(months[2].IsWhole(Grain.Month));
        Assert.Equal((D(3, 1), D(3, 10)), (months[2].From, months[2].To));
    }

    [Fact]
    public void Quarters_are_named_by_year_and_number()
    {
        var quarters = SeriesPlan.Periods(Grain.Quarter, D(11, 30, 2025), D(4, 1));

        Assert.Equal(["2025-Q4", "2026-Q1", "2026-Q2"], quarters.Select(p => p.Label));
        Assert.Equal(D(10, 1, 2025), quarters[0].PeriodStart);
    }
}
