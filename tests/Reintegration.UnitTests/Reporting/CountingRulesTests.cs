using Reintegration.Reporting.Indicators;
using static Reintegration.UnitTests.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting;

public sealed class CountingRulesTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    [Fact]
    public void Sessions_of_a_returnee_whose_registration_has_not_arrived_are_not_counted()
    {
        var indicators = Indicators.Calculate([Journey(_returnee, Session(_returnee, Day(2, 1)), Session(_returnee, Day(2, 8)))]);

        Assert.Equal(0, indicators.Named("returnees-registered").Value);
        Assert.Equal(0, indicators.Named("returnees-reached").Value);
        Assert.Equal(0, indicators.Named("counselling-sessions").Value);
    }

    [Fact]
    public void Sessions_synced_before_the_registration_count_once_it_arrives()
    {
        var indicators = Indicators.Calculate([
            Journey(_returnee, Session(_returnee, Day(2, 1)), Session(_returnee, Day(2, 8)), Registered(_returnee, Day(1, 20), region: "kayes")),
        ]);

        Assert.Equal(1, indicators.Named("returnees-reached").Value);
        Assert.Equal(2, indicators.Named("counselling-sessions").Value);
        indicators.Named("counselling-sessions").AssertBreakdown("region", ("kayes", 2));
    }

    [Fact]
    public void A_returnee_with_two_sessions_is_reached_once()
    {
        var indicators = Indicators.Calculate([
            Journey(_returnee, Registered(_returnee, Day(1, 5), sex: "male"), Session(_returnee, Day(1, 10)), Session(_returnee, Day(1, 17))),
        ]);

        Assert.Equal(1, indicators.Named("returnees-reached").Value);
        indicators.Named("returnees-reached").AssertBreakdown("sex", ("male", 1));
        Assert.Equal(2, indicators.Named("counselling-sessions").Value);
    }

    [Fact]
    public void A_registered_returnee_without_any_service_is_registered_but_not_reached()
    {
        var indicators = Indicators.Calculate([Journey(_returnee, Registered(_returnee, Day(1, 5)))]);

        Assert.Equal(1, indicators.Named("returnees-registered").Value);
        Assert.Equal(0, indicators.Named("returnees-reached").Value);
    }

    [Fact]
    public void The_returnees_reached_target_is_the_configured_one()
    {
        var indicators = Indicators.Calculate([], targets: new Dictionary<string, decimal> { ["returnees-reached"] = 4200 });

        Assert.Equal(4200, indicators.Named("returnees-reached").Target);
    }

    [Fact]
    public void Without_a_configured_target_none_is_given() =>
        Assert.Null(Indicators.Calculate([]).Named("returnees-reached").Target);

    [Fact]
    public void With_nothing_reported_every_indicator_is_zero() =>
        Assert.All(Indicators.Calculate([]), i => Assert.Equal(0, i.Value));
}
