using Reintegration.Reporting.Indicators;
using static Reintegration.UnitTests.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting;

public sealed class FilteringIndicatorsTests
{
    private static readonly IndicatorFilter February = new(From: new DateOnly(2026, 2, 1), To: new DateOnly(2026, 2, 28));

    [Fact]
    public void From_and_to_include_the_whole_of_both_days_and_nothing_beyond()
    {
        var (before, first, last, after) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var indicators = Indicators.Calculate([
            Journey(before, Registered(before, Day(1, 31, 23, 59, 59))),
            Journey(first, Registered(first, Day(2, 1, 0, 0, 0))),
            Journey(last, Registered(last, Day(2, 28, 23, 59, 59))),
            Journey(after, Registered(after, Day(3, 1, 0, 0, 0))),
        ], filter: February);

        Assert.Equal(2, indicators.Named("returnees-registered").Value);
    }

    [Fact]
    public void Sessions_and_awareness_events_are_counted_by_their_own_time()
    {
        var returnee = Guid.NewGuid();
        var indicators = Indicators.Calculate(
            [Journey(returnee, Registered(returnee, Day(1, 5)),
                Session(returnee, Day(1, 31, 23, 59, 59)), Session(returnee, Day(2, 1, 0, 0, 0)),
                Session(returnee, Day(2, 28, 23, 59, 59)), Session(returnee, Day(3, 1, 0, 0, 0)))],
            [AwarenessEvent(Day(1, 31, 23, 0, 0), women: 1, men: 0), AwarenessEvent(Day(2, 1, 0, 0, 0), women: 3, men: 4),
             AwarenessEvent(Day(2, 28, 23, 0, 0), women: 5, men: 0), AwarenessEvent(Day(3, 1, 0, 0, 0), women: 7, men: 0)],
            February);

        Assert.Equal(2, indicators.Named("counselling-sessions").Value);
        Assert.Equal(2, indicators.Named("awareness-events").Value);
        Assert.Equal(3 + 4 + 5, indicators.Named("people-reached").Value);
    }

    [Fact]
    public void A_returnee_registered_before_the_period_is_reached_in_it_by_a_session_in_it()
    {
        var (served, servedEarlier) = (Guid.NewGuid(), Guid.NewGuid());
        var indicators = Indicators.Calculate([
            Journey(served, Registered(served, Day(1, 5)), Session(served, Day(1, 10)), Session(served, Day(2, 10))),
            Journey(servedEarlier, Registered(servedEarlier, Day(1, 5)), Session(servedEarlier, Day(1, 12))),
        ], filter: February);

        Assert.Equal(0, indicators.Named("returnees-registered").Value);
        Assert.Equal(1, indicators.Named("returnees-reached").Value);
        Assert.Equal(1, indicators.Named("counselling-sessions").Value);
    }

    [Fact]
    public void A_region_selects_returnees_and_their_sessions_by_the_returnees_region()
    {
        var (inKita, inKayes) = (Guid.NewGuid(), Guid.NewGuid());
        var indicators = Indicators.Calculate([
            Journey(inKita, Registered(inKita, Day(1, 5), region: "kita"), Session(inKita, Day(1, 10)), Session(inKita, Day(1, 11))),
            Journey(inKayes, Registered(inKayes, Day(1, 6), region: "kayes"), Session(inKayes, Day(1, 10))),
        ], filter: new IndicatorFilter(Region: "kita"));

        Assert.Equal(1, indicators.Named("returnees-registered").Value);
        indicators.Named("returnees-registered").AssertBreakdown("region", ("kita", 1));
        Assert.Equal(1, indicators.Named("returnees-reached").Value);
        Assert.Equal(2, indicators.Named("counselling-sessions").Value);
    }

    [Fact]
    public void A_region_selects_awareness_events_by_the_events_own_region()
    {
        var indicators = Indicators.Calculate([],
            [AwarenessEvent(Day(1, 12), region: "kayes", women: 30, men: 20), AwarenessEvent(Day(1, 13), region: "kita", women: 7, men: 0),
             AwarenessEvent(Day(1, 14), region: "kayes", women: 0, men: 0, girls: 4, boys: 6)],
            new IndicatorFilter(Region: "kayes"));

        Assert.Equal(2, indicators.Named("awareness-events").Value);
        Assert.Equal(60, indicators.Named("people-reached").Value);
        indicators.Named("people-reached").AssertBreakdown("region", ("kayes", 60));
        indicators.Named("people-reached").AssertBreakdown("group", ("women", 30), ("men", 20), ("girls", 4), ("boys", 6));
    }

    [Fact]
    public void An_awareness_event_in_the_region_does_not_bring_in_returnees_from_elsewhere()
    {
        var returnee = Guid.NewGuid();
        var indicators = Indicators.Calculate(
            [Journey(returnee, Registered(returnee, Day(1, 5), region: "kita"), Session(returnee, Day(1, 12)))],
            [AwarenessEvent(Day(1, 12), region: "kayes")],
            new IndicatorFilter(Region: "kayes"));

        Assert.Equal(0, indicators.Named("returnees-registered").Value);
        Assert.Equal(0, indicators.Named("counselling-sessions").Value);
        Assert.Equal(1, indicators.Named("awareness-events").Value);
    }
}
