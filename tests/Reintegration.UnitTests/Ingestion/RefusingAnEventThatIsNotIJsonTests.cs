using System.Text;
using System.Text.Json;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Ingestion.CloudEvents;

namespace Reintegration.UnitTests.Ingestion;

/// <summary>A body is I-JSON (RFC 7493): UTF-8, no duplicate member names, no lone surrogates; else 400.</summary>
public sealed class RefusingAnEventThatIsNotIJsonTests
{
    /// <summary>The valid event with <paramref name="find"/> replaced in its JSON text, parsed as the endpoint parses a body.</summary>
    private static PostedEvent ReadEdited(string find, string replace)
    {
        var text = ValidEvent().ToJsonString();
        Assert.Contains(find, text);
        return Reader().Read(JsonEdit.Parse(text.Replace(find, replace)));
    }

    [Fact]
    public void Given_an_attribute_named_twice_when_read_then_it_is_refused_naming_it() =>
        ReadEdited("\"id\":\"field-app-3-000042\"", "\"id\":\"field-app-3-000042\",\"id\":\"field-app-3-000043\"")
            .Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "id");

    [Fact]
    public void Given_a_data_member_named_twice_when_read_then_it_is_refused_naming_its_path() =>
        ReadEdited("\"durationMinutes\":45", "\"durationMinutes\":45,\"durationMinutes\":90")
            .Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "data.durationMinutes");

    [Fact]
    public void Given_a_member_named_twice_once_through_an_escape_when_read_then_it_is_refused() =>
        ReadEdited("\"durationMinutes\":45", "\"durationMinutes\":45,\"\\u0064urationMinutes\":90")
            .Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "data.durationMinutes");

    [Fact]
    public void Given_a_duplicate_inside_an_object_in_an_array_when_read_then_the_path_has_its_index() =>
        ReadEdited("\"durationMinutes\":45", "\"durationMinutes\":45,\"notes\":[{\"a\":1},{\"b\":1,\"b\":2}]")
            .Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "data.notes[1].b");

    [Fact]
    public void Given_the_same_name_in_two_different_objects_when_read_then_it_is_no_duplicate() =>
        Assert.Null(ReadEdited("\"durationMinutes\":45", "\"durationMinutes\":45,\"notes\":[{\"a\":1},{\"a\":1}]").Problem);

    [Theory]
    [InlineData("\\ud800")]          // high surrogate alone
    [InlineData("\\udc00")]          // low surrogate alone
    [InlineData("x\\ud800y")]        // high surrogate followed by a plain character
    [InlineData("\\ud800\\u0041")]   // high surrogate followed by another escape
    [InlineData("\\ud800\\ud800")]   // two high surrogates
    [InlineData("\\ude00\\ud83d")]   // a pair in the wrong order
    [InlineData("\\ud83d\\n")]       // high surrogate followed by a short escape
    public void Given_a_lone_surrogate_in_data_when_read_then_it_is_refused_naming_the_field(string escaped) =>
        ReadEdited("\"counsellor-kita-07\"", $"\"{escaped}\"").Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "data.counsellor");

    [Fact]
    public void Given_a_surrogate_pair_when_read_then_it_is_accepted() =>
        Assert.Null(ReadEdited("\"counsellor-kita-07\"", "\"counsellor \\ud83d\\ude00\"").Problem);

    [Fact]
    public void Given_a_lone_surrogate_in_the_id_when_read_then_it_is_refused_without_echoing_the_id()
    {
        var posted = ReadEdited("\"field-app-3-000042\"", "\"field-app-\\ud800\"");

        posted.Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "id");
        Assert.Null(posted.Id);
        Assert.Equal("urn:partner:ngo-field-app", posted.Source);
    }

    [Fact]
    public void Given_a_lone_surrogate_in_a_member_name_when_read_then_it_is_refused() =>
        Assert.Equal(ProblemKind.InvalidEnvelope, ReadEdited("\"durationMinutes\"", "\"\\udfffdurationMinutes\"").Problem?.Kind);

    [Theory]
    [InlineData(new byte[] { 0xFF })]             // never UTF-8
    [InlineData(new byte[] { 0xC0, 0xA0 })]       // overlong space
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate encoded as UTF-8
    [InlineData(new byte[] { 0xE2, 0x82 })]       // truncated
    public void Given_text_that_is_not_UTF_8_when_read_then_it_is_refused_naming_the_field(byte[] bytes)
    {
        var text = Encoding.UTF8.GetBytes(ValidEvent().ToJsonString().Replace("counsellor-kita-07", "counsellor-@"));
        var at = Array.IndexOf(text, (byte)'@');
        byte[] body = [.. text[..at], .. bytes, .. text[(at + 1)..]];

        var posted = Reader().Read(JsonDocument.Parse(body).RootElement);

        posted.Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "data.counsellor");
    }

    [Fact]
    public void Given_valid_UTF_8_beyond_ASCII_when_read_then_it_is_accepted() =>
        Assert.Null(Reader().Read(JsonDocument.Parse(Encoding.UTF8.GetBytes(
            ValidEvent().ToJsonString().Replace("counsellor-kita-07", "Aïssata Traoré 😀"))).RootElement).Problem);
}
