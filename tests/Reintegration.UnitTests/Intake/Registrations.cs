using System.Text.Json.Nodes;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Intake;

/// <summary>A registration as the catalogue's example partner would post it, and the event it stands for.</summary>
public static class Registrations
{
    public static readonly RegisterReturnee Handler = new(TestKeys.BlindIndex);

    /// <summary>Born 2001-01-15, arrived 2025-11-02: 24 at arrival (18-24), though 25 by <see cref="Envelopes.At"/>.</summary>
    public static JsonObject ValidData() => (JsonObject)JsonNode.Parse("""
        {
          "partnerReference": "NGO-BKO-0042",
          "givenName": "Aminata",
          "familyName": "Traoré",
          "sex": "female",
          "dateOfBirth": "2001-01-15",
          "phone": "+22370123456",
          "region": "kita",
          "commune": "Kita",
          "returnedFrom": "LY",
          "arrivalDate": "2025-11-02",
          "returnType": "assisted-voluntary",
          "consent": {
            "dataProcessing": true,
            "counselling": true,
            "followUpContact": false,
            "dataSharing": ["urn:partner:childrens-fund"]
          }
        }
        """)!;

    public static CloudEventEnvelope Registration(
        Guid returnee, JsonObject data, DateTimeOffset? time = null, string source = Envelopes.Source, string? id = null) =>
        Envelopes.Envelope(RegisterReturnee.Type, returnee, data, time, source, id);

    /// <summary>What reading the data finds wrong with it, if anything.</summary>
    public static Problem? ProblemWith(JsonObject data, DateTimeOffset? time = null) =>
        Handler.Prepare(Registration(Guid.NewGuid(), data, time)).Problem;

    /// <summary>What <see cref="ValidData"/> means, written out field by field (identifying data in plain).</summary>
    public static Registration Plain(Guid returnee, DateTimeOffset time, string source = Envelopes.Source) =>
        new(returnee, time, source,
            new ReturneeIdentityData("NGO-BKO-0042", new PersonalDetails("Aminata", "Traoré", new DateOnly(2001, 1, 15), null, "+22370123456", "Kita")),
            "female", 24, "18-24", "kita", "LY", new DateOnly(2025, 11, 2), "assisted-voluntary",
            new ConsentGiven(true, true, false, ["urn:partner:childrens-fund"]));

    /// <summary>The event stored for <see cref="ValidData"/>: identifying data sealed under the returnee's key.</summary>
    public static ReturneeRegistered Registered(Guid returnee, DateTimeOffset time, string source = Envelopes.Source) =>
        Plain(returnee, time, source).SealedWith(TestKeys.For(returnee));
}
