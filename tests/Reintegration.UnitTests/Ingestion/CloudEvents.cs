using System.Text.Json.Nodes;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Ingestion;

public static class CloudEvents
{
    /// <summary>The reader's clock: three hours after <see cref="Envelopes.At"/>.</summary>
    public static readonly DateTimeOffset Now = Envelopes.At.AddHours(3);

    public static readonly Guid Subject = Guid.Parse("0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60");

    public static EnvelopeReader Reader() => new(new FakeTimeProvider(Now));

    /// <summary>A session-held event as a partner posts it, structured mode.</summary>
    public static JsonObject ValidEvent() => (JsonObject)JsonNode.Parse("""
        {
          "specversion": "1.0",
          "id": "field-app-3-000042",
          "source": "urn:partner:ngo-field-app",
          "type": "reintegration.counselling.session-held.v1",
          "subject": "0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60",
          "time": "2026-03-10T09:00:00Z",
          "datacontenttype": "application/json",
          "data": {
            "format": "individual",
            "modality": "in-person",
            "intervention": "basic-counselling",
            "durationMinutes": 45,
            "counsellor": "counsellor-kita-07"
          }
        }
        """)!;

    public static PostedEvent Read(JsonNode cloudEvent) => Reader().Read(cloudEvent.ToElement());
}
