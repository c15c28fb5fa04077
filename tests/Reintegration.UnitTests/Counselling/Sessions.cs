using System.Text.Json.Nodes;
using Reintegration.Counselling.Sessions;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Counselling;

public static class Sessions
{
    public static readonly RecordSession Handler = new();

    public static JsonObject ValidData() => (JsonObject)JsonNode.Parse("""
        {
          "format": "individual",
          "modality": "in-person",
          "intervention": "basic-counselling",
          "durationMinutes": 45,
          "counsellor": "counsellor-kita-07"
        }
        """)!;

    public static CloudEventEnvelope Session(Guid returnee, JsonObject data, DateTimeOffset? time = null) =>
        Envelopes.Envelope(RecordSession.Type, returnee, data, time);

    public static Problem? ProblemWith(JsonObject data) => Handler.Prepare(Session(Guid.NewGuid(), data)).Problem;

    /// <summary>What <see cref="ValidData"/> means, written out field by field.</summary>
    public static SessionHeld Held(Guid returnee, DateTimeOffset time) =>
        new(returnee, time, Envelopes.Source, "individual", "in-person", "basic-counselling", 45, "counsellor-kita-07");
}
