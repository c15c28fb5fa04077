using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Ingestion;

/// <summary>A partner's retry is "the same content" whatever its key order or spacing; any changed value is not.</summary>
public sealed class ContentFingerprintTests
{
    private const string Type = "reintegration.training.awareness-event-held.v1";
    private static readonly Guid Subject = Guid.Parse("0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60");

    private const string Data = """
        {"kind":"community-dialogue","region":"kayes","reached":{"women":34,"men":21,"girls":9,"boys":12},"returneeParticipants":["0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a61"]}
        """;

    private static string Fingerprint(string data, string type = Type, Guid? subject = null, DateTimeOffset? time = null) =>
        ContentFingerprint.Of(type, subject ?? Subject, time ?? Envelopes.At, JsonEdit.Parse(data));

    [Fact]
    public void Keys_in_another_order_and_other_whitespace_give_the_same_fingerprint()
    {
        const string retried = """
            {
              "returneeParticipants": [ "0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a61" ],
              "reached": { "boys": 12, "girls": 9,
                           "men": 21, "women": 34 },
              "region": "kayes",
              "kind":   "community-dialogue"
            }
            """;

        Assert.Equal(Fingerprint(Data), Fingerprint(retried));
    }

    [Theory]
    [InlineData("\"women\":34", "\"women\":35")]
    [InlineData("\"kayes\"", "\"kita\"")]
    [InlineData("5a61\"]", "5a62\"]")]
    [InlineData(",\"returneeParticipants\":[\"0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a61\"]", "")]
    public void A_changed_or_missing_value_gives_another_fingerprint(string original, string changed)
    {
        Assert.Contains(original, Data);
        Assert.NotEqual(Fingerprint(Data), Fingerprint(Data.Replace(original, changed)));
    }

    [Fact]
    public void Another_type_subject_or_time_gives_another_fingerprint()
    {
        var fingerprint = Fingerprint(Data);

        Assert.NotEqual(fingerprint, Fingerprint(Data, type: "reintegration.training.workshop-held.v1"));
        Assert.NotEqual(fingerprint, Fingerprint(Data, subject: Guid.Parse("0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a6f")));
        Assert.NotEqual(fingerprint, Fingerprint(Data, time: Envelopes.At.AddSeconds(1)));
    }

    [Fact]
    public void The_same_instant_written_with_another_offset_gives_the_same_fingerprint() =>
        Assert.Equal(Fingerprint(Data), Fingerprint(Data, time: Envelopes.At.ToOffset(TimeSpan.FromHours(1))));

    [Fact]
    public void An_envelope_fingerprints_its_content_not_its_source_and_id()
    {
        var first = Envelopes.Envelope(Type, Subject, JsonEdit.Parse(Data), source: "urn:partner:ngo-field-app", id: "a-1");
        var second = Envelopes.Envelope(Type, Subject, JsonEdit.Parse(Data), source: "urn:partner:un-agency", id: "b-7");

        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.NotEqual(first.Key, second.Key);
    }
}
