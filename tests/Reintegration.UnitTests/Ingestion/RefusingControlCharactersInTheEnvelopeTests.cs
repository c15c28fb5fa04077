using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Ingestion.CloudEvents;

namespace Reintegration.UnitTests.Ingestion;

/// <summary>No attribute holds a control character (the catalogue names id, source, type and subject); source is at most 256 characters.</summary>
public sealed class RefusingControlCharactersInTheEnvelopeTests
{
    public static TheoryData<string, string> ControlCharacters => new()
    {
        { "id", "field-app-3-000042\n" },
        { "id", "field-app\u0000-3" },
        { "id", "field\tapp" },
        { "source", "urn:partner:ngo-field-app\n" },
        { "source", "urn:partner:ngo\u0000-field-app" },
        { "source", "urn:partner:ngo\u007f" },
        { "type", "reintegration.counselling.session-held.v1\r" },
        { "subject", "0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60\n" },
        { "subject", "0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60\u0085" },
    };

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public void Given_a_control_character_in_an_identifying_attribute_when_read_then_it_is_refused_naming_it(string attribute, string value) =>
        Read(ValidEvent().SetText(attribute, value)).Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, attribute);

    [Theory]
    [InlineData("field-app\u0000")]
    [InlineData("field-app\n3.2")]
    public void Given_a_control_character_in_an_extension_attribute_when_read_then_it_is_refused_naming_it(string value) =>
        Read(ValidEvent().SetText("partnerapp", value)).Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "partnerapp");

    [Fact]
    public void Given_a_source_of_256_characters_when_read_then_it_is_accepted() =>
        Assert.Null(Read(ValidEvent().SetText("source", "urn:partner:" + new string('a', 256 - 12))).Problem);

    [Theory]
    [InlineData(257)]
    [InlineData(10_000)]
    public void Given_a_source_over_256_characters_when_read_then_it_is_refused_naming_source(int length) =>
        Read(ValidEvent().SetText("source", "urn:partner:" + new string('a', length - 12))).Problem
            .AssertOnlyField(ProblemKind.InvalidEnvelope, "source");

    [Theory]
    [InlineData(" 0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60")]
    [InlineData("0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60 ")]
    public void Given_a_subject_with_whitespace_around_the_UUID_when_read_then_it_is_refused(string subject) =>
        Read(ValidEvent().SetText("subject", subject)).Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "subject");

    [Fact]
    public void Given_a_refused_event_with_a_control_character_in_its_id_when_read_then_the_id_is_still_given_for_the_answer() =>
        Assert.Equal("field-app\n", Read(ValidEvent().SetText("id", "field-app\n")).Id);
}
