using Reintegration.Reporting.Journeys;
using static Reintegration.UnitTests.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting;

/// <summary>What Intake tells after the registration joins the journey, in order of time, as codes, flags and scores only.</summary>
public sealed class CaseJourneyTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    private object[] WholeCase() =>
    [
        Registered(_returnee, Day(1, 5)),
        new ConsentChangeReported(_returnee, Day(1, 6), DataProcessing: true, Counselling: false, FollowUpContact: true),
        new ScreeningReported(_returnee, Day(1, 7), ["survivor-of-violence", "mental-health-concern"], UrgentCareNeeded: true),
        new PlanAgreedReported(_returnee, Day(1, 8), ["economic", "psychosocial", "economic"]),
        Session(_returnee, Day(1, 9)),
        new SurveyReported(_returnee, Day(2, 1), 0.5m, 0.75m, 0.6m, 0.62m),
        new CaseClosedReported(_returnee, Day(2, 2), "support-completed"),
        new CaseReopenedReported(_returnee, Day(2, 3)),
        new ErasureReported(_returnee, Day(2, 4)),
    ];

    [Fact]
    public void Every_fact_of_the_case_is_a_step_in_order_of_time_whatever_order_it_was_told()
    {
        var told = WholeCase().Reverse().ToArray();

        var steps = JourneyView.From(Journey(_returnee, told)).Steps;

        Assert.Equal(
            ["returnee-registered", "consent-updated", "vulnerability-screened", "reintegration-plan-agreed", "session-held",
             "sustainability-survey-recorded", "case-closed", "case-reopened", "personal-data-erased"],
            steps.Select(s => s.What));
        Assert.Equal(["intake", "intake", "intake", "intake", "counselling", "intake", "intake", "intake", "intake"], steps.Select(s => s.Service));
        Assert.Equal(steps.Select(s => s.Time).Order(), steps.Select(s => s.Time));
    }

    [Fact]
    public void Each_step_says_what_it_recorded_in_codes_flags_and_scores()
    {
        var steps = JourneyView.From(Journey(_returnee, WholeCase())).Steps.ToDictionary(s => s.What, s => s.Details);

        Assert.Equal(new Dictionary<string, string> { ["dataProcessing"] = "true", ["counselling"] = "false", ["followUpContact"] = "true" },
            steps["consent-updated"]);
        Assert.Equal(new Dictionary<string, string> { ["vulnerabilities"] = "survivor-of-violence,mental-health-concern", ["urgentCareNeeded"] = "true" },
            steps["vulnerability-screened"]);
        Assert.Equal(new Dictionary<string, string> { ["goals"] = "3", ["dimensions"] = "economic,psychosocial" }, steps["reintegration-plan-agreed"]);
        Assert.Equal(new Dictionary<string, string> { ["economic"] = "0.5", ["social"] = "0.75", ["psychosocial"] = "0.6", ["composite"] = "0.62" },
            steps["sustainability-survey-recorded"]);
        Assert.Equal(new Dictionary<string, string> { ["reason"] = "support-completed" }, steps["case-closed"]);
        Assert.Empty(steps["case-reopened"]);
        Assert.Empty(steps["personal-data-erased"]);
    }

    [Fact]
    public void A_screening_that_found_nothing_says_so()
    {
        var journey = Journey(_returnee, new ScreeningReported(_returnee, Day(1, 7), [], UrgentCareNeeded: false));

        var step = Assert.Single(JourneyView.From(journey).Steps);
        Assert.Equal("", step.Details["vulnerabilities"]);
        Assert.Equal("false", step.Details["urgentCareNeeded"]);
    }

    [Fact]
    public void A_case_closed_twice_and_reopened_between_keeps_every_step()
    {
        var journey = Journey(_returnee,
            new CaseClosedReported(_returnee, Day(3, 1), "left-area"),
            new CaseClosedReported(_returnee, Day(1, 1), "lost-to-follow-up"),
            new CaseReopenedReported(_returnee, Day(2, 1)));

        Assert.Equal(["case-closed", "case-reopened", "case-closed"], JourneyView.From(journey).Steps.Select(s => s.What));
        Assert.Equal(["lost-to-follow-up", "left-area"], JourneyView.From(journey).Steps.Where(s => s.What == "case-closed").Select(s => s.Details["reason"]));
    }

    [Fact]
    public void A_fact_told_twice_is_kept_once()
    {
        // Told again as Intake would republish it: equal facts, new instances.
        var journey = Journey(_returnee, [.. WholeCase(), .. WholeCase().Where(e => e is not CounsellingSessionReported)]);

        Assert.Single(journey.ConsentChanges);
        Assert.Single(journey.Screenings);
        Assert.Single(journey.Plans);
        Assert.Single(journey.Surveys);
        Assert.Single(journey.Closures);
        Assert.Single(journey.Reopenings);
        Assert.Equal(9, JourneyView.From(journey).Steps.Count);
    }

    [Fact]
    public void Two_screenings_are_both_kept()
    {
        var journey = Journey(_returnee,
            new ScreeningReported(_returnee, Day(1, 7), ["disability"], UrgentCareNeeded: false),
            new ScreeningReported(_returnee, Day(4, 7), ["disability", "older-person"], UrgentCareNeeded: true));

        Assert.Equal(2, journey.Screenings.Count);
    }

    [Fact]
    public void An_erasure_keeps_the_anonymous_profile_and_every_anonymous_fact()
    {
        var journey = Journey(_returnee, WholeCase());

        Assert.True(journey.Erased);
        Assert.True(journey.Registered);
        Assert.Single(journey.Sessions);
        var view = JourneyView.From(journey);
        Assert.NotNull(view.Profile);
        Assert.Equal("kita", view.Profile.Region);
    }

    [Fact]
    public void The_erasure_first_known_stands()
    {
        var journey = Journey(_returnee, new ErasureReported(_returnee, Day(3, 1)), new ErasureReported(_returnee, Day(2, 1)), new ErasureReported(_returnee, Day(4, 1)));

        Assert.Equal(Day(2, 1), journey.ErasedAt);
        Assert.Single(JourneyView.From(journey).Steps);
    }

    [Fact]
    public void An_erased_returnee_is_still_counted_as_registered_and_reached()
    {
        var counts = Counts.Of(Journey(_returnee, WholeCase()));

        Assert.Equal(1, counts.Total("returnees-registered"));
        Assert.Equal(1, counts.Total("returnees-reached"));
        Assert.Equal(1, counts.Total("counselling-sessions"));
    }

    [Fact]
    public void The_journey_of_an_erased_returnee_holds_no_free_text()
    {
        // Every detail is a code, a flag, a count, a score or a date: nothing a person wrote, no name.
        var details = JourneyView.From(Journey(_returnee, WholeCase())).Steps.SelectMany(s => s.Details.Values);

        Assert.All(details, v => Assert.Matches(@"^[a-zA-Z0-9.,\-]*$", v));
    }
}
