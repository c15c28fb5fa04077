using Reintegration.Reporting.Journeys;
using Reintegration.Reporting.LineList;
using static Reintegration.UnitTests.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting.Exports;

/// <summary>
/// Given a returnee's journey events in any order, when they are folded into the journey the
/// returnee read model keeps and the line is derived from it, then the line list row is as the
/// catalogue lists it.
/// </summary>
public sealed class LineListTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    private ReturneeLineRow When(params object[] events) =>
        ReturneeLineRow.From(ReturneeLine.Of(events.Aggregate((ReturneeJourney?)null, (journey, e) => ReturneeJourney.Fold(journey, _returnee, e))!));

    [Fact]
    public void The_profile_keeps_the_arrival_month_only()
    {
        var row = When(new RegistrationReported(_returnee, Day(3, 2), "male", "18-24", "kayes", "DZ", "forced", new DateOnly(2026, 2, 17)));

        Assert.Equal((_returnee, "male", "18-24", "kayes", "DZ", "2026-02"), (row.Id, row.Sex, row.AgeGroup, row.Region, row.ReturnedFrom, row.ArrivalMonth));
        Assert.Equal("open", row.CaseStatus);
    }

    [Fact]
    public void Each_activity_is_counted_once_by_its_id_whatever_the_order()
    {
        var session = Guid.NewGuid();
        var row = When(
            Session(_returnee, Day(2, 1), sessionId: session),
            Registered(_returnee, Day(3, 1)),
            Session(_returnee, Day(2, 1), sessionId: session),
            Session(_returnee, Day(2, 8)),
            new GroupSessionAttended(_returnee, Guid.NewGuid(), Day(2, 9), "kita", 60, 8),
            new WorkshopAttended(_returnee, Guid.NewGuid(), Day(2, 10), "art-therapy", "kita"),
            new ReferralMadeReported(_returnee, Guid.NewGuid(), Day(2, 11), "legal", "routine"));

        Assert.Equal((2, 1, 1, 1), (row.Sessions, row.GroupSessions, row.Workshops, row.Referrals));
    }

    [Fact]
    public void The_first_and_latest_score_per_instrument_are_by_time_not_by_arrival()
    {
        var row = When(
            Registered(_returnee, Day(1, 1)),
            new AssessmentReported(_returnee, Guid.NewGuid(), Day(5, 1), "who-5", 60, "adequate", false),
            new AssessmentReported(_returnee, Guid.NewGuid(), Day(2, 1), "who-5", 28, "poor", false),
            new AssessmentReported(_returnee, Guid.NewGuid(), Day(3, 1), "who-5", 44, "poor", false),
            new AssessmentReported(_returnee, Guid.NewGuid(), Day(2, 2), "phq-9", 12, "moderate", false));

        Assert.Equal((28, 60), (row.Who5First, row.Who5Latest));
        Assert.Equal((12, 12), (row.Phq9First, row.Phq9Latest));
        Assert.Equal((null, null, null, null), (row.Gad7First, row.Gad7Latest, row.K10First, row.K10Latest));
    }

    [Fact]
    public void The_latest_screening_gives_the_vulnerabilities()
    {
        var row = When(
            Registered(_returnee, Day(1, 1)),
            new ScreeningReported(_returnee, Day(4, 1), ["disability", "single-parent"], false),
            new ScreeningReported(_returnee, Day(2, 1), ["survivor-of-violence"], true));

        Assert.Equal("disability,single-parent", row.Vulnerabilities);
    }

    [Fact]
    public void A_case_is_closed_when_its_latest_closure_follows_any_reopening()
    {
        Assert.Equal("closed", When(Registered(_returnee, Day(1, 1)), new CaseClosedReported(_returnee, Day(2, 1), "left-area")).CaseStatus);
        Assert.Equal("open", When(
            new CaseReopenedReported(_returnee, Day(3, 1)), new CaseClosedReported(_returnee, Day(2, 1), "left-area"), Registered(_returnee, Day(1, 1))).CaseStatus);
        Assert.Equal("closed", When(
            new CaseClosedReported(_returnee, Day(4, 1), "support-completed"), new CaseReopenedReported(_returnee, Day(3, 1)),
            new CaseClosedReported(_returnee, Day(2, 1), "left-area")).CaseStatus);
    }

    [Fact]
    public void Erasure_and_a_missing_registration_are_kept_for_the_reader_to_leave_out()
    {
        var erased = new[] { Registered(_returnee, Day(1, 1)), (object)new ErasureReported(_returnee, Day(2, 1)) }
            .Aggregate((ReturneeLine?)null, (line, e) => ReturneeLine.Fold(line, _returnee, e))!;
        var unregistered = ReturneeLine.Fold(null, _returnee, Session(_returnee, Day(1, 1)));

        Assert.True(erased.Erased);
        Assert.False(unregistered.Registered);
    }

    [Fact]
    public void The_line_of_a_journey_is_the_line_folded_from_its_stream_in_any_order()
    {
        var session = Guid.NewGuid();
        var events = new object[]
        {
            Registered(_returnee, Day(1, 1)), Session(_returnee, Day(1, 2), sessionId: session), Session(_returnee, Day(1, 2), sessionId: session),
            new ScreeningReported(_returnee, Day(1, 3), ["disability"], false), new ScreeningReported(_returnee, Day(1, 3), ["single-parent"], true),
            new AssessmentReported(_returnee, Guid.NewGuid(), Day(1, 4), "who-5", 40, "poor", false),
            new AssessmentReported(_returnee, Guid.NewGuid(), Day(1, 4), "who-5", 60, "adequate", false),
            new GroupSessionAttended(_returnee, Guid.NewGuid(), Day(1, 5), "kita", 60, 8), new ReferralMadeReported(_returnee, Guid.NewGuid(), Day(1, 6), "legal", "routine"),
            new CaseClosedReported(_returnee, Day(1, 7), "left-area"), new CaseReopenedReported(_returnee, Day(1, 8)), new ErasureReported(_returnee, Day(1, 9)),
        };

        var random = new Random(5);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var order = events.OrderBy(_ => random.Next()).ToArray();
            var folded = order.Aggregate((ReturneeLine?)null, (line, e) => ReturneeLine.Fold(line, _returnee, e))!;
            var derived = ReturneeLine.Of(order.Aggregate((ReturneeJourney?)null, (journey, e) => ReturneeJourney.Fold(journey, _returnee, e))!);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(folded), System.Text.Json.JsonSerializer.Serialize(derived));
        }
    }
}
