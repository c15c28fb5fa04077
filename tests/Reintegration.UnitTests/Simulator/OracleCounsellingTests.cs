using Reintegration.PartnerSimulator.Generation;
using static Reintegration.UnitTests.Simulator.ProgrammeFactsBuilder;

namespace Reintegration.UnitTests.Simulator;

/// <summary>The oracle's counselling indicators: wellbeing, risk flags, referrals, assessments.</summary>
public sealed class OracleCounsellingTests
{
    private readonly Guid _awa = Guid.NewGuid();
    private readonly Guid _moussa = Guid.NewGuid();
    private readonly Guid _kadia = Guid.NewGuid();

    [Fact]
    public void Wellbeing_improved_is_the_share_of_returnees_with_two_WHO5_whose_latest_is_at_least_ten_points_above_their_first()
    {
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa), Returnee(_moussa, sex: "male"), Returnee(_kadia)],
            Assessments =
            [
                // Awa: 40 → 52, +12 (the latest given first: by time, not by order).
                Who5(_awa, Day(4, 1), 13), Who5(_awa, Day(2, 1), 10),
                // Moussa: 40 → 48 → 36: latest below first.
                Who5(_moussa, Day(2, 1), 10), Who5(_moussa, Day(3, 1), 12), Who5(_moussa, Day(4, 1), 9),
                // Kadia: 40 → 48 → 52: first to latest +12, though the middle step is +8.
                Who5(_kadia, Day(2, 1), 10), Who5(_kadia, Day(3, 1), 12), Who5(_kadia, Day(5, 1), 13),
            ],
        };

        var improved = ExpectedIndicators.For(given).Of(IndicatorCodes.WellbeingImproved);

        Assert.Equal(IndicatorKind.Share, improved.Kind);
        Assert.Equal(new ExpectedFigure(66.7m, 2, 3), improved.Figure);
        Assert.Equal(new ExpectedFigure(100.0m, 2, 2), improved.Breakdown["sex"]["female"]);
        Assert.Equal(new ExpectedFigure(0m, 0, 1), improved.Breakdown["sex"]["male"]);
    }

    [Fact]
    public void Eight_points_is_not_an_improvement_twelve_is_and_one_WHO5_alone_is_not_counted()
    {
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa), Returnee(_moussa), Returnee(_kadia)],
            Assessments =
            [
                Assessment(_awa, Day(2, 1), "who-5", [2, 2, 2, 2, 2]), Assessment(_awa, Day(3, 1), "who-5", [2, 2, 2, 2, 4]),     // 40 → 48
                Who5(_moussa, Day(2, 1), 10), Assessment(_moussa, Day(3, 1), "who-5", [3, 3, 2, 2, 2]),                         // 40 → 48
                Who5(_kadia, Day(2, 1), 25),
            ],
        };

        // Raw × 4 moves in steps of 4: +8 and +12 frame the 10-point line.
        Assert.Equal(new ExpectedFigure(0m, 0, 2), ExpectedIndicators.For(given).Of(IndicatorCodes.WellbeingImproved).Figure);
        var improvedBy12 = given with { Assessments = [.. given.Assessments, Who5(_awa, Day(4, 1), 13)] };
        Assert.Equal(new ExpectedFigure(50.0m, 1, 2), ExpectedIndicators.For(improvedBy12).Of(IndicatorCodes.WellbeingImproved).Figure);
    }

    [Fact]
    public void With_nobody_assessed_twice_the_share_has_no_value()
    {
        var given = new ProgrammeFacts { Returnees = [Returnee(_awa)], Assessments = [Who5(_awa, Day(2, 1), 10)] };

        Assert.Equal(new ExpectedFigure(null, 0, 0), ExpectedIndicators.For(given).Of(IndicatorCodes.WellbeingImproved).Figure);
    }

    [Fact]
    public void A_share_rounds_half_away_from_zero_to_one_decimal()
    {
        Assert.Equal(12.5m, ExpectedFigure.Share(1, 8).Value);
        Assert.Equal(0.1m, ExpectedFigure.Share(1, 800).Value);   // 0.125
        Assert.Equal(33.3m, ExpectedFigure.Share(1, 3).Value);
        Assert.Equal(-0.5m, ExpectedFigure.Mean(-1, 2).Value);
        Assert.Equal(2.6m, ExpectedFigure.Mean(51, 20).Value);    // 2.55
    }

    [Fact]
    public void A_risk_flag_is_a_PHQ9_with_item_9_above_zero_in_the_returnees_region()
    {
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa, region: "kayes"), Returnee(_moussa)],
            Assessments =
            [
                Assessment(_awa, Day(2, 1), "phq-9", [1, 1, 1, 1, 1, 1, 1, 1, 1]),
                Assessment(_moussa, Day(2, 1), "phq-9", [3, 3, 3, 3, 3, 3, 3, 3, 0]),
                Assessment(_moussa, Day(2, 1), "gad-7", [1, 1, 1, 1, 1, 1, 1]),
            ],
        };

        var all = ExpectedIndicators.For(given);

        Assert.Equal(1, all.Of(IndicatorCodes.RiskFlags).Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["kayes"] = 1 }, all.Of(IndicatorCodes.RiskFlags).Cells("region"));
        Assert.Equal(new Dictionary<string, decimal?> { ["phq-9"] = 2, ["gad-7"] = 1 }, all.Of(IndicatorCodes.Assessments).Cells("instrument"));
    }

    [Fact]
    public void A_referral_counts_in_its_window_with_the_outcome_it_has_now_or_open()
    {
        var closedLater = Referral(_awa, Day(2, 27), service: "legal");
        var open = Referral(_moussa, Day(2, 10), urgency: "urgent");
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa), Returnee(_moussa)],
            Referrals = [closedLater, open, Referral(_awa, Day(3, 2))],
            ReferralClosures = [Closed(closedLater, Day(4, 15), "service-received")],
        };

        var february = ExpectedIndicators.For(given, new IndicatorQuery(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28))).Of(IndicatorCodes.Referrals);

        Assert.Equal(2, february.Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["service-received"] = 1, ["open"] = 1 }, february.Cells("outcome"));
        Assert.Equal(new Dictionary<string, decimal?> { ["legal"] = 1, ["medical"] = 1 }, february.Cells("service"));
        Assert.Equal(new Dictionary<string, decimal?> { ["routine"] = 1, ["urgent"] = 1 }, february.Cells("urgency"));
    }

    [Fact]
    public void Sessions_break_down_by_intervention_modality_and_the_returnees_region()
    {
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa, region: "kita"), Returnee(_moussa)],
            Sessions = [Session(_awa, Day(2, 1), "follow-up"), Session(_awa, Day(2, 8), "follow-up"), Session(_moussa, Day(2, 1))],
        };

        var sessions = ExpectedIndicators.For(given).Of(IndicatorCodes.CounsellingSessions);

        Assert.Equal(3, sessions.Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["kita"] = 2, ["bamako"] = 1 }, sessions.Cells("region"));
        Assert.Equal(new Dictionary<string, decimal?> { ["follow-up"] = 2, ["basic-counselling"] = 1 }, sessions.Cells("intervention"));
        Assert.Equal(new Dictionary<string, decimal?> { ["in-person"] = 3 }, sessions.Cells("modality"));
    }
}
