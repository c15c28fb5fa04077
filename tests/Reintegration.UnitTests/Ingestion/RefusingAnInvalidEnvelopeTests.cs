using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Ingestion.CloudEvents;

namespace Reintegration.UnitTests.Ingestion;

public sealed class RefusingAnInvalidEnvelopeTests
{
    private static Problem Refused(PostedEvent posted)
    {
        Assert.Null(posted.Envelope);
        Assert.NotNull(posted.Problem);
        Assert.Equal(ProblemKind.InvalidEnvelope, posted.Problem.Kind);
        return posted.Problem;
    }

    [Theory]
    [InlineData("specversion")]
    [InlineData("id")]
    [InlineData("source")]
    [InlineData("type")]
    public void A_required_CloudEvents_attribute_left_out_is_refused(string attribute) =>
        Refused(Read(ValidEvent().Without(attribute)));

    [Fact]
    public void What_can_be_read_of_a_refused_events_identity_is_kept_for_the_answer()
    {
        var posted = Read(ValidEvent().Without("type"));

        Refused(posted);
        Assert.Equal("field-app-3-000042", posted.Id);
        Assert.Equal("urn:partner:ngo-field-app", posted.Source);
    }

    [Theory]
    [InlineData("0.3")]
    [InlineData("2.0")]
    [InlineData("1")]
    public void A_specversion_other_than_1_0_is_refused(string specVersion) =>
        Refused(Read(ValidEvent().SetText("specversion", specVersion)));

    [Fact]
    public void An_id_of_129_characters_is_refused() =>
        Refused(Read(ValidEvent().SetText("id", new string('i', 129)))).AssertOnlyField(ProblemKind.InvalidEnvelope, "id");

    [Fact]
    public void An_empty_id_is_refused() =>
        Refused(Read(ValidEvent().SetText("id", "")));

    [Fact]
    public void A_missing_subject_is_refused() =>
        Refused(Read(ValidEvent().Without("subject"))).AssertOnlyField(ProblemKind.InvalidEnvelope, "subject");

    [Theory]
    [InlineData("returnee-42")]
    [InlineData("0190f5d27c4e7b619d3a2f1c8e4b5a60")]       // a UUID without its hyphens
    [InlineData("{0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60}")] // a UUID in braces
    public void A_subject_that_is_not_a_UUID_is_refused(string subject) =>
        Refused(Read(ValidEvent().SetText("subject", subject))).AssertOnlyField(ProblemKind.InvalidEnvelope, "subject");

    /// <summary>Found by fuzzing: the nil UUID passed as a UUID, and the event store then failed the whole batch's commit.</summary>
    [Fact]
    public void A_nil_UUID_subject_is_refused() =>
        Refused(Read(ValidEvent().SetText("subject", "00000000-0000-0000-0000-000000000000"))).AssertOnlyField(ProblemKind.InvalidEnvelope, "subject");

    [Fact]
    public void An_empty_subject_is_refused() =>
        Refused(Read(ValidEvent().SetText("subject", "")));

    [Fact]
    public void A_missing_time_is_refused() =>
        Refused(Read(ValidEvent().Without("time"))).AssertOnlyField(ProblemKind.InvalidEnvelope, "time");

    [Theory]
    [InlineData("2026-03-10")]
    [InlineData("10/03/2026 09:00")]
    [InlineData("2026-03-10T09:00:00")] // no offset
    public void A_time_that_is_not_RFC_3339_is_refused(string time) =>
        Refused(Read(ValidEvent().SetText("time", time)));

    [Fact]
    public void A_time_more_than_five_minutes_ahead_of_the_clock_is_refused() =>
        Refused(Read(ValidEvent().SetText("time", Now.AddMinutes(5).AddSeconds(1).ToString("O"))))
            .AssertOnlyField(ProblemKind.InvalidEnvelope, "time");

    [Theory]
    [InlineData("text/plain", "\"45 minutes, individual\"")]
    [InlineData("application/xml", "\"<session/>\"")]
    [InlineData("text/plain", "{ \"format\": \"individual\" }")]
    public void Data_of_a_content_type_other_than_application_json_is_refused(string contentType, string data) =>
        Refused(Read(ValidEvent().SetText("datacontenttype", contentType).Set("data", data)));

    [Theory]
    [InlineData("application/cloudevents+json")]
    [InlineData("application/problem+json")]
    public void A_JSON_flavoured_datacontenttype_other_than_application_json_is_named(string contentType) =>
        Refused(Read(ValidEvent().SetText("datacontenttype", contentType))).AssertOnlyField(ProblemKind.InvalidEnvelope, "datacontenttype");

    [Fact]
    public void An_event_without_data_is_refused() =>
        Refused(Read(ValidEvent().Without("data"))).AssertOnlyField(ProblemKind.InvalidEnvelope, "data");

    [Fact]
    public void Data_sent_as_base64_is_refused() =>
        Refused(Read(ValidEvent().Without("data").SetText("data_base64", "eyJmb3JtYXQiOiJpbmRpdmlkdWFsIn0=")));

    [Theory]
    [InlineData("[]")]
    [InlineData("\"an event\"")]
    [InlineData("42")]
    public void Something_other_than_a_JSON_object_is_refused(string json) =>
        Refused(Reader().Read(JsonEdit.Parse(json)));
}
