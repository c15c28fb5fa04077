using System.Security.Cryptography;
using System.Text.Json;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.Training.Workshops;

/// <summary>A workshop as Training knows it: held once, with these details.</summary>
public sealed record Workshop(Guid Id, string DetailsFingerprint) : IStreamState<Workshop>
{
    public long Version { get; set; }

    public static Workshop? Fold(Workshop? state, Guid streamId, object @event) => @event switch
    {
        WorkshopHeld held when state is null => new Workshop(streamId, Fingerprint(held)),
        _ => state,
    };

    /// <summary>Two reports of the same workshop agree on everything but the partner's source.</summary>
    public static string Fingerprint(WorkshopHeld held) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(held with { Source = "" }, JsonDefaults.Web)));
}
