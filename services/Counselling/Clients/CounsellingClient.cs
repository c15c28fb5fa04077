using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.Counselling.Clients;

/// <summary>
/// A returnee as Counselling learned of them from Intake (folded from their learned-facts
/// stream). <see cref="CounsellingConsent"/> is null until Intake's registration arrives:
/// sessions are accepted meanwhile.
/// </summary>
public sealed record CounsellingClient(Guid Id, bool? CounsellingConsent) : IStreamState<CounsellingClient>
{
    public long Version { get; set; }

    public bool RegistrationKnown => CounsellingConsent is not null;

    public static CounsellingClient? Fold(CounsellingClient? state, Guid streamId, object @event) => @event switch
    {
        RegistrationNoted noted => (state ?? new CounsellingClient(noted.ReturneeId, null)) with { CounsellingConsent = noted.CounsellingConsent },
        _ => state,
    };
}
