using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Journeys;
using Reintegration.Reporting.Returnees;
using static Reintegration.UnitTests.Reporting.Counts;
using static Reintegration.UnitTests.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting;

/// <summary>What a returnee contributes to the indicators about returnees, given what Reporting was told.</summary>
public sealed class ReturneeCountsTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    [Fact]
    public void Nothing_about_a_returnee_counts_before_their_registration_arrives()
    {
        var counts = Of(Journey(_returnee, Session(_returnee, Day(2, 1)), Assessment("who-5", 40, Day(2, 1)), Referral(Day(2, 1))));

        Assert.Empty(counts.Cells);
        Assert.Empty(counts.Hits);
    }

    [Fact]
    public void Once_the_registration_arrives_the_earlier_activity_counts_in_the_registrations_region()
    {
        var counts = Of(Journey(_returnee, Session(_returnee, Day(2, 1)), Session(_returnee, Day(2, 8)), Registered(_returnee, Day(1, 20), region: "kayes")));

        Assert.Equal(2, counts.Total("counselling-sessions"));
        Assert.Equal(2, counts.Total("counselling-sessions", region: "kayes"));
        Assert.Equal(1, counts.Total("returnees-reached", region: "kayes"));
        Assert.Equal(1, counts.Total("returnees-registered", Grain.Month, Month(1)));
    }

    [Fact]
    public void A_returnee_reached_by_a_session_a_group_session_and_a_workshop_counts_once_per_period_in_their_own_region()
    {
        var counts = Of(Journey(_returnee,
            Registered(_returnee, Day(1, 5), sex: "male", region: "kita"),
            Session(_returnee, Day(1, 10)),
            new GroupSessionAttended(_returnee, Guid.NewGuid(), Day(1, 12), "kayes", 60, 5),
            new WorkshopAttended(_returnee, Guid.NewGuid(), Day(2, 2), "peer-support", "bamako")));

        Assert.Equal(1, counts.Total("returnees-reached"));
        Assert.Equal(1, counts.Total("returnees-reached", Grain.Quarter, Month(1)));
        Assert.Equal(1, counts.Total("returnees-reached", Grain.Month, Month(1)));
        Assert.Equal(1, counts.Total("returnees-reached", Grain.Month, Month(2)));
        Assert.Equal(1, counts.Total("returnees-reached", region: "kita"));
        Assert.Equal(0, counts.Total("returnees-reached", region: "kayes"));
        Assert.Equal(1, counts.Key("returnees-reached", "sex", "male"));
        Assert.Equal([Day(1, 10), Day(1, 12), Day(2, 2)], counts.Hits.Keys.Select(h => h.Day).Order().Select(d => Day(d.Month, d.Day)));
    }

    [Fact]
    public void The_vulnerabilities_are_those_of_the_latest_screening_by_time_whatever_the_order_told()
    {
        var counts = Of(Journey(_returnee,
            Registered(_returnee, Day(1, 5)),
            new ScreeningReported(_returnee, Day(3, 1), ["disability", "single-parent"], false),
            new ScreeningReported(_returnee, Day(1, 6), ["survivor-of-violence"], true),
            Session(_returnee, Day(1, 10))));

        Assert.Equal(1, counts.Key("returnees-reached", "vulnerability", "disability"));
        Assert.Equal(1, counts.Key("returnees-reached", "vulnerability", "single-parent"));
        Assert.Equal(0, counts.Key("returnees-reached", "vulnerability", "survivor-of-violence"));
        Assert.Equal(1, counts.Key("returnees-reached", "vulnerability", "disability", Grain.Month, Month(1)));
    }

    [Fact]
    public void A_newer_screening_moves_the_returnees_counts_from_the_old_codes_to_the_new()
    {
        var before = Journey(_returnee, Registered(_returnee, Day(1, 5)), new ScreeningReported(_returnee, Day(1, 6), ["older-person"], false), Session(_returnee, Day(1, 10)));
        var after = ReturneeJourney.Fold(Journey(_returnee, Registered(_returnee, Day(1, 5)), new ScreeningReported(_returnee, Day(1, 6), ["older-person"], false), Session(_returnee, Day(1, 10))),
            _returnee, new ScreeningReported(_returnee, Day(2, 6), ["disability"], false));
        var changes = new ContributionChanges();

        changes.Record(Of(before), Of(after));

        Assert.Equal(-1, changes.CellDeltas[new CellKey("returnees-reached", Grain.All, Periods.AllTime, "*", "vulnerability", "older-person")].N);
        Assert.Equal(1, changes.CellDeltas[new CellKey("returnees-reached", Grain.All, Periods.AllTime, "*", "vulnerability", "disability")].N);
        Assert.DoesNotContain(new CellKey("returnees-reached", Grain.All, Periods.AllTime, "*", "", ""), changes.CellDeltas.Keys);
        Assert.Single(changes.HitsToWrite);
    }

    [Fact]
    public void An_erased_returnees_anonymous_counts_stay_and_their_row_says_erased()
    {
        var journey = Journey(_returnee, Registered(_returnee, Day(1, 5)), Session(_returnee, Day(1, 10)), new ErasureReported(_returnee, Day(2, 1)));
        var counts = Of(journey);

        Assert.Equal(1, counts.Total("returnees-registered"));
        Assert.Equal(1, counts.Total("returnees-reached"));
        Assert.Equal(1, counts.Total("counselling-sessions"));
        Assert.Contains("\"erased\":true", counts.Rows[new RowKey("returnee", _returnee.ToString("D"))]);
    }

    [Fact]
    public void A_session_is_counted_on_its_own_day_the_last_second_included()
    {
        var counts = Of(Journey(_returnee, Registered(_returnee, Day(1, 5)), Session(_returnee, Day(1, 31, 23, 59, 59)), Session(_returnee, Day(2, 1, 0, 0, 0))));

        Assert.Equal(1, counts.Total("counselling-sessions", Grain.Day, new DateOnly(2026, 1, 31)));
        Assert.Equal(1, counts.Total("counselling-sessions", Grain.Day, new DateOnly(2026, 2, 1)));
        Assert.Equal(1, counts.Total("counselling-sessions", Grain.Month, Month(1)));
        Assert.Equal(2, counts.Total("counselling-sessions", Grain.Quarter, Month(1)));
    }

    [Fact]
    public void A_referral_is_open_until_its_closure_and_counts_once_under_its_outcome()
    {
        var referral = Guid.NewGuid();
        var open = Of(Journey(_returnee, Registered(_returnee, Day(1, 5)), new ReferralMadeReported(_returnee, referral, Day(1, 10), "legal", "urgent")));
        var closed = Of(Journey(_returnee, Registered(_returnee, Day(1, 5)), new ReferralMadeReported(_returnee, referral, Day(1, 10), "legal", "urgent"),
            new ReferralClosedReported(_returnee, referral, Day(3, 1), "declined")));

        Assert.Equal(1, open.Key("referrals", "outcome", "open"));
        Assert.Equal(0, closed.Key("referrals", "outcome", "open"));
        Assert.Equal(1, closed.Key("referrals", "outcome", "declined", Grain.Month, Month(1)));
        Assert.Equal(1, closed.Key("referrals", "service", "legal"));
        Assert.Equal(1, closed.Key("referrals", "urgency", "urgent"));
    }

    [Fact]
    public void Wellbeing_improved_judges_the_first_and_latest_who5_of_each_period()
    {
        var counts = Of(Journey(_returnee,
            Registered(_returnee, Day(1, 5), sex: "female"),
            Assessment("who-5", 40, Day(1, 10)), Assessment("who-5", 48, Day(1, 20)),
            Assessment("phq-9", 3, Day(2, 1)), Assessment("who-5", 60, Day(2, 10)), Assessment("who-5", 52, Day(2, 20))));

        Assert.Equal(new CellValue(0, 1), counts.Value("wellbeing-improved", Grain.Month, Month(1), "*", "", ""));
        Assert.Equal(new CellValue(0, 1), counts.Value("wellbeing-improved", Grain.Month, Month(2), "*", "", ""));
        Assert.Equal(new CellValue(1, 1), counts.Value("wellbeing-improved", Grain.Quarter, Month(1), "*", "", ""));
        Assert.Equal(new CellValue(1, 1), counts.Value("wellbeing-improved", Grain.All, null, "*", "sex", "female"));
        Assert.Equal(5, counts.Total("assessments"));
        Assert.Equal(1, counts.Key("assessments", "instrument", "phq-9"));
    }

    [Fact]
    public void A_single_who5_is_in_no_share_and_nine_points_is_not_an_improvement()
    {
        var single = Of(Journey(_returnee, Registered(_returnee, Day(1, 5)), Assessment("who-5", 40, Day(1, 10))));
        var nine = Of(Journey(_returnee, Registered(_returnee, Day(1, 5)), Assessment("who-5", 40, Day(1, 10)), Assessment("who-5", 49, Day(1, 11))));
        var ten = Of(Journey(_returnee, Registered(_returnee, Day(1, 5)), Assessment("who-5", 40, Day(1, 10)), Assessment("who-5", 50, Day(1, 11))));

        Assert.Equal(default, single.Value("wellbeing-improved", Grain.All, null, "*", "", ""));
        Assert.Equal(new CellValue(0, 1), nine.Value("wellbeing-improved", Grain.All, null, "*", "", ""));
        Assert.Equal(new CellValue(1, 1), ten.Value("wellbeing-improved", Grain.All, null, "*", "", ""));
    }

    [Fact]
    public void Risk_flags_and_closures_count_in_the_returnees_region()
    {
        var assessment = Guid.NewGuid();
        var counts = Of(Journey(_returnee, Registered(_returnee, Day(1, 5), region: "gao"),
            new RiskFlagRaisedReported(_returnee, assessment, Day(1, 9)), new RiskFlagRaisedReported(_returnee, assessment, Day(1, 9)),
            new CaseClosedReported(_returnee, Day(2, 1), "left-area"), new CaseReopenedReported(_returnee, Day(2, 5)),
            new CaseClosedReported(_returnee, Day(3, 1), "support-completed")));

        Assert.Equal(1, counts.Total("risk-flags", region: "gao"));
        Assert.Equal(2, counts.Total("cases-closed", region: "gao"));
        Assert.Equal(1, counts.Key("cases-closed", "reason", "left-area"));
    }

    private AssessmentReported Assessment(string instrument, int score, DateTimeOffset time) =>
        new(_returnee, Guid.NewGuid(), time, instrument, score, "band", false);

    private ReferralMadeReported Referral(DateTimeOffset time) => new(_returnee, Guid.NewGuid(), time, "medical", "routine");
}

/// <summary>A rebuild reuses one <see cref="Contributions"/> per writer: what it holds after a state is that state's alone.</summary>
public sealed class ReusedContributionsTests
{
    [Fact]
    public void Given_contributions_of_one_returnee_when_another_is_contributed_into_them_then_they_equal_the_other_alone()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var model = new ReturneeReadModel();
        var state = (Guid id, ReturneeJourney journey) => new ReturneeFacts { Id = id, Journey = journey };
        var firstState = state(first, Journey(first, Registered(first, Day(1, 5), region: "kita"), Session(first, Day(1, 10)), Session(first, Day(3, 2))));
        var secondState = state(second, Journey(second, Registered(second, Day(2, 20), sex: "male", region: "kayes"), Session(second, Day(2, 21))));
        var reused = new Contributions();

        model.Contribute(firstState, reused);
        model.Contribute(secondState, reused);

        var alone = model.Contribute(secondState);
        Assert.Equal(alone.Cells.OrderBy(c => c.Key.ToString()), reused.Cells.OrderBy(c => c.Key.ToString()));
        Assert.Equal(alone.Hits.Keys.Order(), reused.Hits.Keys.Order());
        Assert.Equal(alone.Rows.OrderBy(r => r.Key.ToString()), reused.Rows.OrderBy(r => r.Key.ToString()));
        Assert.NotEmpty(reused.Rows);
    }

    [Fact]
    public void Given_contributions_of_a_returnee_when_nothing_is_contributed_into_them_then_they_are_empty()
    {
        var returnee = Guid.NewGuid();
        var model = new ReturneeReadModel();
        var reused = model.Contribute(new ReturneeFacts { Id = returnee, Journey = Journey(returnee, Registered(returnee, Day(1, 5))) });

        model.Contribute(null, reused);

        Assert.Empty(reused.Cells);
        Assert.Empty(reused.Hits);
        Assert.Empty(reused.Rows);
    }
}

/// <summary>The daemon loads for a read model only the event types it reads, as its rebuild does.</summary>
public sealed class ReadModelRegistrationTests
{
    [Fact]
    public void Given_a_read_model_when_registered_then_its_projection_loads_exactly_the_event_types_it_reads()
    {
        var store = new Marten.StoreOptions();
        var model = new ReturneeReadModel();

        store.AddReadModel(model);

        var source = Assert.Single(store.Projections.All.OfType<JasperFx.Events.Projections.ProjectionWrapper<Marten.IDocumentOperations, Marten.IQuerySession>>());
        Assert.Equal(model.EventTypes.OrderBy(t => t.FullName), source.IncludedEventTypes.OrderBy(t => t.FullName));
    }
}
