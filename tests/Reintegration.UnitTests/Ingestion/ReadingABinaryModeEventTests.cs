using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Ingestion.CloudEvents;

namespace Reintegration.UnitTests.Ingestion;

/// <summary>Binary content mode: the attributes in ce- headers (percent-encoded), the body as data; the same rules as structured mode.</summary>
public sealed class ReadingABinaryModeEventTests
{
    private const string Json = "application/json";

    /// <summary><see cref="CloudEvents.ValidEvent"/> as a binary-mode SDK sends it.</summary>
    private static HeaderDictionary ValidHeaders() => new()
    {
        ["ce-specversion"] = "1.0",
        ["ce-id"] = "field-app-3-000042",
        ["ce-source"] = "urn:partner:ngo-field-app",
        ["ce-type"] = "reintegration.counselling.session-held.v1",
        ["ce-subject"] = "0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60",
        ["ce-time"] = "2026-03-10T09:00:00Z",
    };

    private static byte[] ValidBody() => Encoding.UTF8.GetBytes(ValidEvent()["data"]!.ToJsonString());

    private static (PostedEvent? Posted, Problem? Problem) ReadBinary(IHeaderDictionary headers, byte[] body, string? contentType = Json)
    {
        var (structured, problem) = BinaryContentMode.ToStructured(headers, contentType, body);
        return structured is null ? (null, problem) : (Reader().Read(JsonDocument.Parse(structured).RootElement.Clone()), null);
    }

    [Fact]
    public void Given_a_valid_binary_event_when_read_then_it_is_the_same_event_as_in_structured_mode()
    {
        var (binary, problem) = ReadBinary(ValidHeaders(), ValidBody());
        var structured = Read(ValidEvent());

        Assert.Null(problem);
        Assert.Null(binary!.Problem);
        Assert.Equal(structured.Envelope!.Key, binary.Envelope!.Key);
        Assert.Equal(structured.Envelope.Fingerprint, binary.Envelope.Fingerprint);
        Assert.Equal(Subject, binary.Envelope.Subject);
    }

    [Fact]
    public void Given_percent_encoded_headers_when_read_then_the_attributes_are_decoded()
    {
        var headers = ValidHeaders();
        headers["ce-id"] = "caf%C3%A9%20%e2%82%ac%2542";
        headers["ce-source"] = "urn%3Apartner%3Ango-field-app";

        var (posted, _) = ReadBinary(headers, ValidBody());

        Assert.Equal("café €%42", posted!.Envelope!.Id);
        Assert.Equal("urn:partner:ngo-field-app", posted.Envelope.Source);
    }

    [Theory]
    [InlineData("Euro%20%E2%82%AC%20%F0%9F%98%80", "Euro € 😀")]
    [InlineData("simple", "simple")]
    [InlineData("%41%62c", "Abc")]            // needlessly encoded: accepted
    [InlineData("a+b", "a+b")]                // a plus is a plus, not a space
    [InlineData("\"quoted value\"", "quoted value")]
    [InlineData("\"with \\\"escapes\\\"\"", "with \"escapes\"")]
    public void Given_a_header_value_when_decoded_then_it_follows_the_HTTP_binding(string header, string attribute) =>
        Assert.Equal(attribute, BinaryContentMode.Decode(header));

    [Theory]
    [InlineData("%C0%A0")]   // overlong space: the binding says it MUST be refused
    [InlineData("%FF")]
    [InlineData("%ED%A0%80")] // a surrogate
    [InlineData("%E2%82")]   // truncated
    [InlineData("50%")]
    [InlineData("50%4")]
    [InlineData("%zz")]
    [InlineData("café")]     // not ASCII: must come percent-encoded
    public void Given_a_header_value_that_is_not_valid_percent_encoded_UTF_8_when_decoded_then_it_is_refused(string header) =>
        Assert.Null(BinaryContentMode.Decode(header));

    [Fact]
    public void Given_an_invalid_percent_encoding_in_ce_id_when_read_then_it_is_a_400_naming_id()
    {
        var headers = ValidHeaders();
        headers["ce-id"] = "evt-%C0%A0";

        ReadBinary(headers, ValidBody()).Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "id");
    }

    [Theory]
    [InlineData("ce-id", "id", "field-app%0A")]             // an encoded line break
    [InlineData("ce-source", "source", "urn:partner:x%00")]
    [InlineData("ce-subject", "subject", "0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60%0A")]
    [InlineData("ce-subject", "subject", "returnee-42")]
    [InlineData("ce-time", "time", "2026-03-10T09:00:00")]
    public void Given_an_attribute_that_breaks_an_envelope_rule_when_read_then_it_is_refused_as_in_structured_mode(string header, string attribute, string value)
    {
        var headers = ValidHeaders();
        headers[header] = value;

        var (posted, _) = ReadBinary(headers, ValidBody());

        Assert.Equal(ProblemKind.InvalidEnvelope, posted!.Problem?.Kind);
        if (attribute != "time") posted.Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, attribute);
    }

    [Fact]
    public void Given_a_source_over_256_characters_when_read_then_it_is_refused_naming_source()
    {
        var headers = ValidHeaders();
        headers["ce-source"] = "urn:partner:" + new string('a', 300);

        ReadBinary(headers, ValidBody()).Posted!.Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "source");
    }

    [Theory]
    [InlineData("ce-id")]
    [InlineData("ce-source")]
    [InlineData("ce-type")]
    [InlineData("ce-subject")]
    [InlineData("ce-time")]
    public void Given_a_required_attribute_header_left_out_when_read_then_it_is_refused(string header)
    {
        var headers = ValidHeaders();
        headers.Remove(header);

        Assert.Equal(ProblemKind.InvalidEnvelope, ReadBinary(headers, ValidBody()).Posted!.Problem?.Kind);
    }

    [Fact]
    public void Given_no_ce_specversion_header_when_read_then_it_is_refused_saying_how_to_post()
    {
        var headers = ValidHeaders();
        headers.Remove("ce-specversion");

        var problem = ReadBinary(headers, ValidBody()).Problem;

        problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "specversion");
        Assert.Contains("application/cloudevents+json", problem!.Detail);
    }

    [Fact]
    public void Given_an_attribute_header_sent_twice_when_read_then_it_is_refused_naming_it()
    {
        var headers = ValidHeaders();
        headers["ce-id"] = new StringValues(["evt-1", "evt-2"]);

        ReadBinary(headers, ValidBody()).Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "id");
    }

    [Fact]
    public void Given_a_ce_datacontenttype_header_when_read_then_it_is_refused_since_Content_Type_says_it()
    {
        var headers = ValidHeaders();
        headers["ce-datacontenttype"] = "application/json";

        ReadBinary(headers, ValidBody()).Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "datacontenttype");
    }

    [Fact]
    public void Given_header_names_in_any_case_and_unknown_extensions_when_read_then_it_is_accepted()
    {
        var headers = ValidHeaders();
        headers.Remove("ce-id");
        headers["CE-ID"] = "field-app-3-000042";
        headers["ce-partnerapp"] = "field-app%203.2";
        headers["ce-my-extension"] = "not an attribute name: ignored";

        var (posted, problem) = ReadBinary(headers, ValidBody());

        Assert.Null(problem);
        Assert.Null(posted!.Problem);
        Assert.Equal("field-app-3-000042", posted.Envelope!.Id);
    }

    [Fact]
    public void Given_a_charset_on_the_content_type_when_read_then_it_is_accepted() =>
        Assert.Null(ReadBinary(ValidHeaders(), ValidBody(), "application/json; charset=utf-8").Posted!.Problem);

    [Fact]
    public void Given_an_empty_body_when_read_then_it_is_refused_for_want_of_data() =>
        ReadBinary(ValidHeaders(), []).Posted!.Problem.AssertOnlyField(ProblemKind.InvalidEnvelope, "data");

    [Fact]
    public void Given_a_body_that_is_not_JSON_when_read_then_it_is_refused() =>
        Assert.Equal(ProblemKind.InvalidEnvelope, ReadBinary(ValidHeaders(), "{not json"u8.ToArray()).Problem?.Kind);

    [Fact]
    public void Given_a_body_with_a_member_named_twice_when_read_then_it_is_refused_naming_its_path() =>
        ReadBinary(ValidHeaders(), "{\"format\":\"individual\",\"format\":\"family\"}"u8.ToArray()).Posted!.Problem
            .AssertOnlyField(ProblemKind.InvalidEnvelope, "data.format");

    [Fact]
    public void Given_a_body_with_a_lone_surrogate_when_read_then_it_is_refused_naming_its_path() =>
        ReadBinary(ValidHeaders(), "{\"counsellor\":\"\\ud800\"}"u8.ToArray()).Posted!.Problem
            .AssertOnlyField(ProblemKind.InvalidEnvelope, "data.counsellor");
}
