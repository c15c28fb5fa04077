using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Counselling.Sessions;

namespace Reintegration.UnitTests.Counselling;

public sealed class SessionDataRulesTests
{
    [Fact]
    public void The_catalogue_example_session_is_valid() =>
        Assert.Null(ProblemWith(ValidData()));

    [Theory]
    [InlineData("format")]
    [InlineData("modality")]
    [InlineData("intervention")]
    [InlineData("durationMinutes")]
    [InlineData("counsellor")]
    public void A_required_field_left_out_is_named(string field) =>
        ProblemWith(ValidData().Without(field)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("format", "family")]
    [InlineData("modality", "phone")]
    [InlineData("modality", "video")]
    [InlineData("intervention", "psychological-first-aid")]
    [InlineData("intervention", "structured-psychological-intervention")]
    [InlineData("intervention", "follow-up")]
    [InlineData("intervention", "specialised-care")]
    public void A_code_of_the_catalogue_is_accepted(string field, string code) =>
        Assert.Null(ProblemWith(ValidData().SetText(field, code)));

    [Theory]
    [InlineData("format", "group")]
    [InlineData("format", "Individual")]
    [InlineData("modality", "in_person")]
    [InlineData("modality", "sms")]
    [InlineData("intervention", "specialized-care")]
    [InlineData("intervention", "counselling")]
    public void A_code_not_in_the_catalogue_is_named(string field, string code) =>
        ProblemWith(ValidData().SetText(field, code)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData(5)]
    [InlineData(480)]
    public void A_duration_at_the_ends_of_5_to_480_minutes_is_accepted(int minutes) =>
        Assert.Null(ProblemWith(ValidData().Set("durationMinutes", minutes.ToString())));

    [Theory]
    [InlineData(4)]
    [InlineData(481)]
    [InlineData(0)]
    [InlineData(-30)]
    public void A_duration_outside_5_to_480_minutes_is_named(int minutes) =>
        ProblemWith(ValidData().Set("durationMinutes", minutes.ToString())).AssertOnlyField(ProblemKind.InvalidData, "data.durationMinutes");

    [Fact]
    public void A_counsellor_of_64_characters_is_accepted() =>
        Assert.Null(ProblemWith(ValidData().SetText("counsellor", new string('c', 64))));

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void A_counsellor_outside_1_to_64_characters_is_named(int length) =>
        ProblemWith(ValidData().SetText("counsellor", new string('c', length))).AssertOnlyField(ProblemKind.InvalidData, "data.counsellor");

    [Fact]
    public void An_unknown_field_is_named() =>
        ProblemWith(ValidData().SetText("notes", "talked about the journey")).AssertOnlyField(ProblemKind.InvalidData, "data.notes");

    [Theory]
    [InlineData("durationMinutes", "\"45\"")]
    [InlineData("durationMinutes", "45.5")]
    [InlineData("format", "1")]
    [InlineData("counsellor", "[\"counsellor-kita-07\"]")]
    public void A_value_of_the_wrong_JSON_type_is_named(string field, string value) =>
        ProblemWith(ValidData().Set(field, value)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");
}
