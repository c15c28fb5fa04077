using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Ingestion.CloudEvents;

namespace Reintegration.UnitTests.Ingestion;

public sealed class ReadingAValidEnvelopeTests
{
    [Fact]
    public void A_valid_event_gives_its_envelope_with_the_subject_and_time_parsed()
    {
        var posted = Read(ValidEvent());

        Assert.Null(posted.Problem);
        var envelope = Assert.IsType<Reintegration.ServiceDefaults.Ingestion.CloudEventEnvelope>(posted.Envelope);
        Assert.Equal("field-app-3-000042", envelope.Id);
        Assert.Equal("urn:partner:ngo-field-app", envelope.Source);
        Assert.Equal("reintegration.counselling.session-held.v1", envelope.Type);
        Assert.Equal(Subject, envelope.Subject);
        Assert.Equal(Envelopes.At, envelope.Time);
        Assert.Equal(45, envelope.Data.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("urn:partner:ngo-field-app|field-app-3-000042", envelope.Key);
    }

    [Fact]
    public void Datacontenttype_may_be_left_out() =>
        Assert.Null(Read(ValidEvent().Without("datacontenttype")).Problem);

    [Fact]
    public void Datacontenttype_application_json_with_a_charset_is_accepted() =>
        Assert.Null(Read(ValidEvent().SetText("datacontenttype", "application/json; charset=utf-8")).Problem);

    [Theory]
    [InlineData("partnerapp", "\"field-app 3.2\"")]
    [InlineData("traceparent", "\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"")]
    [InlineData("syncbatch", "17")]
    public void An_unknown_extension_attribute_is_ignored(string name, string value)
    {
        var posted = Read(ValidEvent().Set(name, value));

        Assert.Null(posted.Problem);
        Assert.NotNull(posted.Envelope);
    }

    [Fact]
    public void A_time_with_an_offset_is_the_same_instant()
    {
        var posted = Read(ValidEvent().SetText("time", "2026-03-10T10:00:00+01:00"));

        Assert.Null(posted.Problem);
        Assert.Equal(Envelopes.At, posted.Envelope!.Time);
    }

    [Fact]
    public void A_time_exactly_five_minutes_ahead_of_the_clock_is_accepted() =>
        Assert.Null(Read(ValidEvent().SetText("time", Now.AddMinutes(5).ToString("O"))).Problem);

    [Fact]
    public void An_id_of_128_characters_is_accepted() =>
        Assert.Null(Read(ValidEvent().SetText("id", new string('i', 128))).Problem);
}
