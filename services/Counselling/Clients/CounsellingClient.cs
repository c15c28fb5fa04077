using Reintegration.Counselling.Sessions;
using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.Counselling.Clients;

/// <summary>
/// A returnee as Counselling knows them. <see cref="CounsellingConsent"/> is null until Intake's
/// registration arrives: sessions are accepted meanwhile.
/// </summary>
public sealed record CounsellingClient(Guid Id, bool? CounsellingConsent, int Sessions) : IStreamState<CounsellingClient>
{
    public long Version { get; set; }

    public bool RegistrationKnown => CounsellingConsent is not null;

    public static CounsellingClient? Fold(CounsellingClient? state, Guid streamId, object @event)
    {
        var current = state ?? new CounsellingClient(streamId, null, 0);
        return @event switch
        {
            RegistrationNoted noted => current with { CounsellingConsent = noted.CounsellingConsent },
            SessionHeld => current with { Sessions = current.Sessions + 1 },
            _ => state,
        };
    }
}
