using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Training.AwarenessEvents;

namespace Reintegration.UnitTests.Training;

public sealed class AwarenessEventDataRulesTests
{
    [Fact]
    public void The_catalogue_example_awareness_event_is_valid() =>
        Assert.Null(ProblemWith(ValidData()));

    [Theory]
    [InlineData("commune")]
    [InlineData("returneeParticipants")]
    public void An_optional_field_may_be_left_out(string field) =>
        Assert.Null(ProblemWith(ValidData().Without(field)));

    [Theory]
    [InlineData("kind")]
    [InlineData("region")]
    [InlineData("reached")]
    [InlineData("reached.women")]
    [InlineData("reached.men")]
    [InlineData("reached.girls")]
    [InlineData("reached.boys")]
    public void A_required_field_left_out_is_named(string field) =>
        ProblemWith(ValidData().Without(field)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("kind", "care-campaign")]
    [InlineData("kind", "information-session")]
    [InlineData("kind", "radio-broadcast")]
    [InlineData("kind", "school-session")]
    [InlineData("region", "menaka")]
    public void A_code_of_the_catalogue_is_accepted(string field, string code) =>
        Assert.Null(ProblemWith(ValidData().SetText(field, code)));

    [Theory]
    [InlineData("kind", "workshop")]
    [InlineData("kind", "Radio-Broadcast")]
    [InlineData("region", "diema")]
    public void A_code_not_in_the_catalogue_is_named(string field, string code) =>
        ProblemWith(ValidData().SetText(field, code)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_commune_outside_1_to_100_characters_is_named(int length) =>
        ProblemWith(ValidData().SetText("commune", new string('d', length))).AssertOnlyField(ProblemKind.InvalidData, "data.commune");

    [Theory]
    [InlineData("women")]
    [InlineData("men")]
    [InlineData("girls")]
    [InlineData("boys")]
    public void A_negative_count_of_people_reached_is_named(string group) =>
        ProblemWith(ValidData().Set($"reached.{group}", "-1")).AssertOnlyField(ProblemKind.InvalidData, $"data.reached.{group}");

    [Theory]
    [InlineData("women")]
    [InlineData("men")]
    [InlineData("girls")]
    [InlineData("boys")]
    public void One_person_reached_in_any_single_group_is_enough(string group)
    {
        var data = ValidData().Set("reached", """{ "women": 0, "men": 0, "girls": 0, "boys": 0 }""").Set($"reached.{group}", "1");
        Assert.Null(ProblemWith(data));
    }

    [Fact]
    public void Nobody_reached_at_all_is_refused()
    {
        var problem = ProblemWith(ValidData().Set("reached", """{ "women": 0, "men": 0, "girls": 0, "boys": 0 }"""));

        Assert.NotNull(problem);
        Assert.Equal(ProblemKind.InvalidData, problem.Kind);
        var field = Assert.Single(problem.Errors!.Keys);
        Assert.StartsWith("data.reached", field);
    }

    [Theory]
    [InlineData("reached.men", "\"21\"")]
    [InlineData("reached.girls", "9.5")]
    [InlineData("reached", "76")]
    [InlineData("returneeParticipants", "\"0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60\"")]
    public void A_value_of_the_wrong_JSON_type_is_named(string field, string value) =>
        ProblemWith(ValidData().Set(field, value)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("[\"not-a-uuid\"]", "data.returneeParticipants[0]")]
    [InlineData("[\"0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60\", 42]", "data.returneeParticipants[1]")]
    public void A_returnee_participant_that_is_not_a_UUID_is_named(string participants, string field) =>
        ProblemWith(ValidData().Set("returneeParticipants", participants)).AssertOnlyField(ProblemKind.InvalidData, field);

    [Fact]
    public void The_empty_UUID_is_not_a_returnee() =>
        ProblemWith(ValidData().Set("returneeParticipants", "[\"00000000-0000-0000-0000-000000000000\"]"))
            .AssertOnlyField(ProblemKind.InvalidData, "data.returneeParticipants");

    [Fact]
    public void A_returnee_listed_twice_is_refused() =>
        ProblemWith(ValidData().Set("returneeParticipants", "[\"0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60\", \"0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60\"]"))
            .AssertOnlyField(ProblemKind.InvalidData, "data.returneeParticipants");

    [Theory]
    [InlineData("topic")]
    [InlineData("reached.elders")]
    public void An_unknown_field_is_named(string field) =>
        ProblemWith(ValidData().Set(field, "1")).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");
}
