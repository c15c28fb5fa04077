using Reintegration.PartnerSimulator.Generation;
using static Reintegration.UnitTests.Simulator.ProgrammeFactsBuilder;

namespace Reintegration.UnitTests.Simulator;

/// <summary>Series: one entry per period of the window, each counted as the indicator counts over that period.</summary>
public sealed class OracleSeriesTests
{
    private readonly Guid _awa = Guid.NewGuid();

    [Fact]
    public void A_monthly_series_counts_a_person_once_per_month_and_covers_every_month_of_the_window()
    {
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa)],
            Sessions = [Session(_awa, Day(2, 1)), Session(_awa, Day(2, 20)), Session(_awa, Day(4, 2))],
        };

        var reached = ExpectedIndicators.For(given, new IndicatorQuery(new DateOnly(2026, 2, 15), new DateOnly(2026, 4, 30)), SeriesInterval.Month)
            .Of(IndicatorCodes.ReturneesReached);

        Assert.Equal(1, reached.Value);
        Assert.Equal(
            [("2026-02", 1m), ("2026-03", 0m), ("2026-04", 1m)],
            reached.Series.Select(p => (p.Period, p.Figure.Value!.Value)));
    }

    [Fact]
    public void A_quarterly_series_names_quarters_and_cuts_the_first_to_the_window()
    {
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa)],
            Sessions = [Session(_awa, Day(1, 10)), Session(_awa, Day(3, 10)), Session(_awa, Day(5, 10))],
        };

        var sessions = ExpectedIndicators.For(given, new IndicatorQuery(new DateOnly(2026, 2, 1), new DateOnly(2026, 6, 30)), SeriesInterval.Quarter)
            .Of(IndicatorCodes.CounsellingSessions);

        Assert.Equal([("2026-Q1", 1m), ("2026-Q2", 1m)], sessions.Series.Select(p => (p.Period, p.Figure.Value!.Value)));
    }

    [Fact]
    public void A_series_needs_a_window()
    {
        Assert.Throws<ArgumentException>(() => ExpectedIndicators.For(new ProgrammeFacts(), IndicatorQuery.None, SeriesInterval.Month));
    }
}
