using System.Security.Cryptography;
using System.Text.Json;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.Training.Awareness;

/// <summary>An awareness event as Training knows it: held once, with these details.</summary>
public sealed record AwarenessEvent(Guid Id, string DetailsFingerprint) : IStreamState<AwarenessEvent>
{
    public long Version { get; set; }

    public static AwarenessEvent? Fold(AwarenessEvent? state, Guid streamId, object @event) => @event switch
    {
        AwarenessEventHeld held => new AwarenessEvent(streamId, Fingerprint(held)),
        _ => state,
    };

    /// <summary>Two reports of the same event agree on everything but the partner's source.</summary>
    public static string Fingerprint(AwarenessEventHeld held) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(held with { Source = "" }, JsonDefaults.Web)));
}
