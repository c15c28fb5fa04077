using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Training.TrainingEvents;

namespace Reintegration.UnitTests.Training;

public sealed class TrainingDataRulesTests
{
    [Fact]
    public void The_example_training_is_valid() => Assert.Null(TrainingProblem(TrainingData()));

    [Theory]
    [InlineData("course")]
    [InlineData("startDate")]
    [InlineData("endDate")]
    [InlineData("region")]
    [InlineData("trainer")]
    [InlineData("participants")]
    public void A_required_field_left_out_is_named(string field) =>
        TrainingProblem(TrainingData().Without(field)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("workerId")]
    [InlineData("sex")]
    [InlineData("role")]
    [InlineData("organisation")]
    [InlineData("completed")]
    public void A_required_participant_field_left_out_is_named(string field)
    {
        var data = TrainingData();
        data["participants"]![1]!.AsObject().Remove(field);
        TrainingProblem(data).AssertOnlyField(ProblemKind.InvalidData, $"data.participants[1].{field}");
    }

    [Theory]
    [InlineData("preTestScore")]
    [InlineData("postTestScore")]
    public void Test_scores_are_optional(string field)
    {
        var data = TrainingData();
        data["participants"]![0]!.AsObject().Remove(field);
        Assert.Null(TrainingProblem(data));
    }

    [Theory]
    [InlineData("preTestScore", -1)]
    [InlineData("preTestScore", 101)]
    [InlineData("postTestScore", 101)]
    public void A_test_score_outside_0_to_100_is_named(string field, int score)
    {
        var data = TrainingData();
        data["participants"]![0]![field] = score;
        TrainingProblem(data).AssertOnlyField(ProblemKind.InvalidData, $"data.participants[0].{field}");
    }

    [Theory]
    [InlineData("psychological-first-aid")]
    [InlineData("mhpss-foundations")]
    [InlineData("psychosocial-counselling")]
    [InlineData("case-management")]
    [InlineData("mhgap")]
    [InlineData("staff-care")]
    public void Each_course_of_the_catalogue_is_accepted(string course) => Assert.Null(TrainingProblem(TrainingData().SetText("course", course)));

    [Theory]
    [InlineData("course", "first-aid")]
    [InlineData("region", "diema")]
    public void A_code_not_in_the_catalogue_is_named(string field, string code) =>
        TrainingProblem(TrainingData().SetText(field, code)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("role", "nurse")]
    [InlineData("sex", "f")]
    public void A_participant_code_not_in_the_catalogue_is_named(string field, string code)
    {
        var data = TrainingData();
        data["participants"]![2]![field] = code;
        TrainingProblem(data).AssertOnlyField(ProblemKind.InvalidData, $"data.participants[2].{field}");
    }

    [Fact]
    public void An_end_date_before_the_start_date_is_named() =>
        TrainingProblem(TrainingData().SetText("endDate", "2026-03-01")).AssertOnlyField(ProblemKind.InvalidData, "data.endDate");

    [Fact]
    public void A_one_day_training_ends_the_day_it_starts() => Assert.Null(TrainingProblem(TrainingData().SetText("endDate", "2026-03-02")));

    [Fact]
    public void No_participants_is_refused() =>
        TrainingProblem(TrainingData().Set("participants", "[]")).AssertOnlyField(ProblemKind.InvalidData, "data.participants");

    [Fact]
    public void Two_hundred_participants_are_accepted_and_two_hundred_and_one_refused()
    {
        Assert.Null(TrainingProblem(WithParticipants(200)));
        TrainingProblem(WithParticipants(201)).AssertOnlyField(ProblemKind.InvalidData, "data.participants");
    }

    [Fact]
    public void The_same_worker_twice_in_one_training_is_named_at_the_second_mention()
    {
        var data = TrainingData();
        data["participants"]![2]!["workerId"] = Aminata.ToString();

        var messages = TrainingProblem(data).AssertOnlyField(ProblemKind.InvalidData, "data.participants[2].workerId");
        Assert.Contains("once", messages[0]);
    }

    [Theory]
    [InlineData("trainer", "trainer\n02")]
    [InlineData("trainer", "")]
    public void A_trainer_that_is_not_an_identifier_of_1_to_64_characters_is_named(string field, string value) =>
        TrainingProblem(TrainingData().SetText(field, value)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Fact]
    public void An_organisation_over_100_characters_is_named()
    {
        var data = TrainingData();
        data["participants"]![0]!["organisation"] = new string('o', 101);
        TrainingProblem(data).AssertOnlyField(ProblemKind.InvalidData, "data.participants[0].organisation");
    }

    private static System.Text.Json.Nodes.JsonObject WithParticipants(int count)
    {
        var data = TrainingData();
        var participants = new System.Text.Json.Nodes.JsonArray();
        for (var i = 0; i < count; i++)
            participants.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["workerId"] = Guid.NewGuid().ToString(), ["sex"] = "male", ["role"] = "teacher", ["organisation"] = "École de Kita", ["completed"] = true,
            });
        data["participants"] = participants;
        return data;
    }
}
