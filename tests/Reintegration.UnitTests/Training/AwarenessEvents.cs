using System.Text.Json.Nodes;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.Training.Awareness;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Training;

public static class AwarenessEvents
{
    public static readonly RecordAwarenessEvent Handler = new();

    public static readonly Guid FirstReturnee = Guid.Parse("0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60");
    public static readonly Guid SecondReturnee = Guid.Parse("0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a61");

    public static JsonObject ValidData() => (JsonObject)JsonNode.Parse("""
        {
          "kind": "community-dialogue",
          "region": "kayes",
          "commune": "Diéma",
          "reached": { "women": 34, "men": 21, "girls": 9, "boys": 12 },
          "returneeParticipants": ["0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60", "0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a61"]
        }
        """)!;

    public static CloudEventEnvelope AwarenessEvent(Guid id, JsonObject data, DateTimeOffset? time = null, string source = Envelopes.Source) =>
        Envelopes.Envelope(RecordAwarenessEvent.Type, id, data, time, source);

    public static Problem? ProblemWith(JsonObject data) => Handler.Prepare(AwarenessEvent(Guid.NewGuid(), data)).Problem;

    /// <summary>What <see cref="ValidData"/> means, written out field by field.</summary>
    public static AwarenessEventHeld Held(Guid id, DateTimeOffset time, string source = Envelopes.Source) =>
        new(id, time, source, "community-dialogue", "kayes", "Diéma", new PeopleReached(34, 21, 9, 12), [FirstReturnee, SecondReturnee]);
}
