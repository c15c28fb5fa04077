using System.Text.Json;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>A partner event whose envelope passed the contract's rules; its data is not yet checked.</summary>
public sealed record CloudEventEnvelope(string Id, string Source, string Type, Guid Subject, DateTimeOffset Time, JsonElement Data)
{
    /// <summary><c>source</c> + <c>id</c>: the idempotency key the catalogue promises partners.</summary>
    public string Key => IngestionRecord.KeyFor(Source, Id);

    /// <summary>What "the same content" means for a retried event: type, subject, time and data, whitespace and key order aside.</summary>
    /// <remarks>Computed once: deduplication and storage both read it. (Build a new envelope rather than
    /// copying one with <c>with</c>, which would carry the old fingerprint along.)</remarks>
    public string Fingerprint { get; } = ContentFingerprint.Of(Type, Subject, Time, Data);
}

/// <summary>One posted item: its envelope, or why it has none, with what could be read of its identity.</summary>
public sealed record PostedEvent(string? Id, string? Source, CloudEventEnvelope? Envelope, Problems.Problem? Problem)
{
    public static PostedEvent Valid(CloudEventEnvelope envelope) => new(envelope.Id, envelope.Source, envelope, null);
}
