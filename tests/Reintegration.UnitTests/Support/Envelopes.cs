using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.UnitTests.Support;

/// <summary>Envelopes that already passed the envelope rules, as handlers receive them.</summary>
public static class Envelopes
{
    public const string Source = "urn:partner:ngo-field-app";

    /// <summary>When things happen in the examples: a Tuesday morning in Bamako (UTC all year).</summary>
    public static readonly DateTimeOffset At = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static CloudEventEnvelope Envelope(
        string type, Guid subject, JsonNode data, DateTimeOffset? time = null, string source = Source, string? id = null) =>
        Envelope(type, subject, data.ToElement(), time, source, id);

    public static CloudEventEnvelope Envelope(
        string type, Guid subject, JsonElement data, DateTimeOffset? time = null, string source = Source, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString(), source, type, subject, time ?? At, data);
}
