using System.Security.Cryptography;
using System.Text.Json;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.Intake.Cases;

/// <summary>A returnee's case as Intake knows it: what decisions need and what the desk reads.</summary>
public sealed record ReturneeCase(Guid Id, ReturneeRegistered Registration, string RegistrationFingerprint) : IStreamState<ReturneeCase>
{
    public long Version { get; set; }

    public static ReturneeCase? Fold(ReturneeCase? state, Guid streamId, object @event) => @event switch
    {
        ReturneeRegistered registered => new ReturneeCase(streamId, registered, Fingerprint(registered)),
        _ => state,
    };

    /// <summary>What makes two registrations "the same details": everything but when and under which event it was sent.</summary>
    public static string Fingerprint(ReturneeRegistered registered) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(registered with { Time = default }, JsonDefaults.Web)));
}
