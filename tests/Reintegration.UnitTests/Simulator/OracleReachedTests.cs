using Reintegration.PartnerSimulator.Generation;
using static Reintegration.UnitTests.Simulator.ProgrammeFactsBuilder;

namespace Reintegration.UnitTests.Simulator;

/// <summary>The oracle's returnees-reached: a session, a group session or a workshop; the person's attributes from the registration.</summary>
public sealed class OracleReachedTests
{
    private readonly Guid _awa = Guid.NewGuid();
    private readonly Guid _moussa = Guid.NewGuid();
    private readonly Guid _unregistered = Guid.NewGuid();

    [Fact]
    public void A_session_a_group_session_and_a_workshop_each_reach_a_returnee_but_an_awareness_event_does_not()
    {
        var kadia = Guid.NewGuid();
        var sali = Guid.NewGuid();
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa), Returnee(_moussa, sex: "male"), Returnee(kadia), Returnee(sali)],
            Sessions = [Session(_awa, Day(2, 1))],
            GroupSessions = [GroupSession(Day(2, 2), "bamako", _moussa, _unregistered)],
            Workshops = [Workshop(Day(2, 3), "bamako", participants: [kadia])],
            AwarenessEvents = [Awareness(Day(2, 4), "bamako", women: 10, participants: [sali])],
        };

        var reached = ExpectedIndicators.For(given).Of(IndicatorCodes.ReturneesReached);

        Assert.Equal(3, reached.Value);
        Assert.Equal(5000, reached.Target);
        Assert.Equal(new Dictionary<string, decimal?> { ["female"] = 2, ["male"] = 1 }, reached.Cells("sex"));
    }

    [Fact]
    public void A_returnee_reached_three_ways_counts_once()
    {
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa)],
            Sessions = [Session(_awa, Day(2, 1)), Session(_awa, Day(3, 1))],
            GroupSessions = [GroupSession(Day(2, 2), "bamako", _awa, _moussa)],
            Workshops = [Workshop(Day(2, 3), "bamako", participants: [_awa])],
        };

        Assert.Equal(1, ExpectedIndicators.For(given).Of(IndicatorCodes.ReturneesReached).Value);
    }

    [Fact]
    public void The_region_of_a_reached_returnee_is_the_registrations_even_at_a_group_session_elsewhere()
    {
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa, region: "kita"), Returnee(_moussa, region: "bamako")],
            GroupSessions = [GroupSession(Day(2, 2), "bamako", _awa, _moussa)],
        };

        var all = ExpectedIndicators.For(given);
        var inKita = ExpectedIndicators.For(given, new IndicatorQuery(Region: "kita"));

        Assert.Equal(new Dictionary<string, decimal?> { ["kita"] = 1, ["bamako"] = 1 }, all.Of(IndicatorCodes.ReturneesReached).Cells("region"));
        Assert.Equal(1, inKita.Of(IndicatorCodes.ReturneesReached).Value);
        Assert.Equal(0, inKita.Of(IndicatorCodes.GroupSessions).Value); // the session itself is in Bamako
    }

    [Fact]
    public void Vulnerability_comes_from_the_latest_screening_by_time_whatever_the_order_given()
    {
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa), Returnee(_moussa)],
            Sessions = [Session(_awa, Day(2, 1)), Session(_moussa, Day(2, 1))],
            Screenings =
            [
                Screening(_awa, Day(4, 1), "single-parent"),
                Screening(_awa, Day(1, 10), "detention-experience", "survivor-of-violence"),
                Screening(_moussa, Day(1, 10), "detention-experience"),
            ],
        };

        var reached = ExpectedIndicators.For(given).Of(IndicatorCodes.ReturneesReached);

        Assert.Equal(new Dictionary<string, decimal?> { ["single-parent"] = 1, ["detention-experience"] = 1 }, reached.Cells("vulnerability"));
    }

    [Fact]
    public void A_window_counts_those_reached_in_it_inclusive_of_both_days()
    {
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(_awa), Returnee(_moussa)],
            Sessions = [Session(_awa, Day(3, 1, hour: 0)), Session(_moussa, Day(2, 28, hour: 23))],
        };

        var march = ExpectedIndicators.For(given, new IndicatorQuery(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));

        Assert.Equal(1, march.Of(IndicatorCodes.ReturneesReached).Value);
        Assert.Equal(1, march.Of(IndicatorCodes.CounsellingSessions).Value);
        Assert.Equal(0, march.Of(IndicatorCodes.ReturneesRegistered).Value); // both registered in January
    }

    [Fact]
    public void Activity_of_a_returnee_never_registered_counts_in_no_returnee_based_indicator()
    {
        var given = new ProgrammeFacts
        {
            Sessions = [Session(_unregistered, Day(2, 1))],
            Assessments = [Who5(_unregistered, Day(2, 1), 10)],
            Referrals = [Referral(_unregistered, Day(2, 1))],
            Closures = [Closure(_unregistered, Day(3, 1), "left-area")],
            GroupSessions = [GroupSession(Day(2, 2), "bamako", _unregistered, Guid.NewGuid())],
        };

        var all = ExpectedIndicators.For(given);

        foreach (var code in new[] { IndicatorCodes.ReturneesReached, IndicatorCodes.CounsellingSessions, IndicatorCodes.Assessments, IndicatorCodes.Referrals, IndicatorCodes.CasesClosed })
            Assert.Equal(0, all.Of(code).Value);
        Assert.Equal(1, all.Of(IndicatorCodes.GroupSessions).Value);
    }
}
