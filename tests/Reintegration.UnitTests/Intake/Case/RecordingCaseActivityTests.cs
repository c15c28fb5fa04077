using Reintegration.Intake.Cases;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Case.CaseEvents;

namespace Reintegration.UnitTests.Intake.Case;

/// <summary>Screenings, plans and surveys: registered returnee, open case (or dated before its closure), the same fact once.</summary>
public sealed class RecordingCaseActivityTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    [Fact]
    public void A_screening_is_recorded() =>
        Screen.Given(Registered(_returnee)).When(Posted(Screen, _returnee, ScreeningData, Day(0))).Then(Screened(_returnee, Day(0)));

    [Fact]
    public void A_screening_that_finds_nothing_is_recorded() =>
        Screen.Given(Registered(_returnee))
            .When(Posted(Screen, _returnee, """{"vulnerabilities": [], "urgentCareNeeded": false}""", Day(0)))
            .Then(new Reintegration.Intake.Screening.VulnerabilityScreened(_returnee, Day(0), Envelopes.Source, [], false));

    [Fact]
    public void A_plan_is_recorded() =>
        Plan.Given(Registered(_returnee)).When(Posted(Plan, _returnee, PlanData, Day(0))).Then(Agreed(_returnee, Day(0)));

    [Fact]
    public void A_survey_is_recorded() =>
        Survey.Given(Registered(_returnee)).When(Posted(Survey, _returnee, SurveyData, Day(0))).Then(Surveyed(_returnee, Day(0)));

    [Fact]
    public void Activity_for_a_returnee_not_registered_is_refused()
    {
        Screen.Given().When(Posted(Screen, _returnee, ScreeningData, Day(0))).ThenRejected(ProblemKind.NotRegistered);
        Plan.Given().When(Posted(Plan, _returnee, PlanData, Day(0))).ThenRejected(ProblemKind.NotRegistered);
        Survey.Given().When(Posted(Survey, _returnee, SurveyData, Day(0))).ThenRejected(ProblemKind.NotRegistered);
    }

    [Fact]
    public void Activity_dated_after_the_closure_is_refused()
    {
        Screen.Given(Registered(_returnee), Closed(_returnee, Day(0))).When(Posted(Screen, _returnee, ScreeningData, Day(1))).ThenRejected(ProblemKind.StateForbids);
        Plan.Given(Registered(_returnee), Closed(_returnee, Day(0))).When(Posted(Plan, _returnee, PlanData, Day(1))).ThenRejected(ProblemKind.StateForbids);
        Survey.Given(Registered(_returnee), Closed(_returnee, Day(0))).When(Posted(Survey, _returnee, SurveyData, Day(1))).ThenRejected(ProblemKind.StateForbids);
    }

    [Fact]
    public void Activity_dated_before_the_closure_is_a_late_sync_and_accepted()
    {
        Screen.Given(Registered(_returnee), Closed(_returnee, Day(0))).When(Posted(Screen, _returnee, ScreeningData, Day(-1))).Then(Screened(_returnee, Day(-1)));
        Plan.Given(Registered(_returnee), Closed(_returnee, Day(0))).When(Posted(Plan, _returnee, PlanData, Day(-1))).Then(Agreed(_returnee, Day(-1)));
        Survey.Given(Registered(_returnee), Closed(_returnee, Day(0))).When(Posted(Survey, _returnee, SurveyData, Day(-1))).Then(Surveyed(_returnee, Day(-1)));
    }

    [Fact]
    public void Activity_after_a_reopening_is_accepted_again() =>
        Survey.Given(Registered(_returnee), Closed(_returnee, Day(0)), Reopened(_returnee, Day(2)))
            .When(Posted(Survey, _returnee, SurveyData, Day(3))).Then(Surveyed(_returnee, Day(3)));

    [Fact]
    public void Activity_for_a_returnee_who_withdrew_consent_is_refused() =>
        Screen.Given(Registered(_returnee), new ReturneeErased(_returnee, Day(0)))
            .When(Posted(Screen, _returnee, ScreeningData, Day(1))).ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void The_same_screening_sent_again_under_a_new_id_adds_nothing() =>
        Screen.Given(Registered(_returnee), Screened(_returnee, Day(0)))
            .When(Posted(Screen, _returnee, ScreeningData, Day(0))).ThenNothingNew();

    [Fact]
    public void A_registration_and_a_screening_in_one_batch_are_both_accepted_in_order() =>
        Screen.Given(Registered(_returnee)).When(Posted(Screen, _returnee, ScreeningData, Day(-40))).Then(Screened(_returnee, Day(-40)));

    [Fact]
    public void The_latest_screening_by_time_is_the_current_one_even_when_an_older_one_arrives_later()
    {
        var newer = Screened(_returnee, Day(5), "disability");
        var older = Screened(_returnee, Day(1), "single-parent");
        var state = Fold(Registered(_returnee), newer, older);

        Assert.Equal(2, state.Screenings.Count);
        Assert.Same(newer, state.LatestScreening);
        Assert.Equal(["disability"], ReturneeView.From(state, identity: null).Case.Screening!.Vulnerabilities);
    }

    [Fact]
    public void A_late_synced_older_screening_is_stored() =>
        Screen.Given(Registered(_returnee), Screened(_returnee, Day(5), "disability"))
            .When(Posted(Screen, _returnee, ScreeningData, Day(1))).Then(Screened(_returnee, Day(1)));

    [Fact]
    public void The_current_plan_and_survey_are_the_latest_by_time()
    {
        var state = Fold(Registered(_returnee), Agreed(_returnee, Day(5)), Agreed(_returnee, Day(1)), Surveyed(_returnee, Day(1)), Surveyed(_returnee, Day(7)));
        Assert.Equal(Day(5), state.CurrentPlan!.Time);
        Assert.Equal(Day(7), state.LatestSurvey!.Time);
    }

    [Theory]
    [InlineData("""{"vulnerabilities": ["homeless"], "urgentCareNeeded": true}""", "data.vulnerabilities[0]")]
    [InlineData("""{"vulnerabilities": ["disability", "disability"], "urgentCareNeeded": true}""", "data.vulnerabilities")]
    [InlineData("""{"urgentCareNeeded": true}""", "data.vulnerabilities")]
    [InlineData("""{"vulnerabilities": []}""", "data.urgentCareNeeded")]
    public void Screening_rules(string data, string field) =>
        Screen.Prepare(Posted(Screen, _returnee, data, Day(0))).Problem.AssertOnlyField(ProblemKind.InvalidData, field);

    [Theory]
    [InlineData("""{"goals": []}""", "data.goals")]
    [InlineData("""{}""", "data.goals")]
    [InlineData("""{"goals": [{"dimension": "spiritual", "description": "x"}]}""", "data.goals[0].dimension")]
    [InlineData("""{"goals": [{"dimension": "social", "description": ""}]}""", "data.goals[0].description")]
    [InlineData("""{"goals": [{"dimension": "social"}]}""", "data.goals[0].description")]
    public void Plan_rules(string data, string field) =>
        Plan.Prepare(Posted(Plan, _returnee, data, Day(0))).Problem.AssertOnlyField(ProblemKind.InvalidData, field);

    [Fact]
    public void A_plan_holds_at_most_ten_goals_and_descriptions_of_at_most_500_characters()
    {
        var goal = """{"dimension": "social", "description": "Join the women's association"}""";
        Assert.Null(Plan.Prepare(Posted(Plan, _returnee, $$"""{"goals": [{{string.Join(",", Enumerable.Repeat(goal, 10))}}]}""", Day(0))).Problem);
        Plan.Prepare(Posted(Plan, _returnee, $$"""{"goals": [{{string.Join(",", Enumerable.Repeat(goal, 11))}}]}""", Day(0))).Problem
            .AssertOnlyField(ProblemKind.InvalidData, "data.goals");
        Assert.Null(Plan.Prepare(Posted(Plan, _returnee, $$"""{"goals": [{"dimension": "psychosocial", "description": "{{new string('x', 500)}}"}]}""", Day(0))).Problem);
        Plan.Prepare(Posted(Plan, _returnee, $$"""{"goals": [{"dimension": "psychosocial", "description": "{{new string('x', 501)}}"}]}""", Day(0))).Problem
            .AssertOnlyField(ProblemKind.InvalidData, "data.goals[0].description");
    }

    [Theory]
    [InlineData("economic", "1.01")]
    [InlineData("social", "-0.1")]
    [InlineData("psychosocial", "null")]
    [InlineData("composite", "\"0.5\"")]
    public void Survey_scores_are_numbers_from_0_to_1(string field, string value) =>
        Survey.Prepare(Posted(Survey, _returnee, Data(SurveyData).Set(field, value).ToJsonString(), Day(0))).Problem
            .AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Fact]
    public void Survey_scores_of_exactly_0_and_1_are_valid() =>
        Assert.Null(Survey.Prepare(Posted(Survey, _returnee, """{"economic": 0, "social": 1, "psychosocial": 0.0, "composite": 1.0}""", Day(0))).Problem);

    private ReturneeCase Fold(params object[] events) =>
        events.Aggregate((ReturneeCase?)null, (s, e) => ReturneeCase.Fold(s, _returnee, e))!;
}
