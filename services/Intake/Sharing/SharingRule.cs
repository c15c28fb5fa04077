using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Access;

namespace Reintegration.Intake.Sharing;

/// <summary>
/// Who may see a returnee's identifying data: a caller speaking for the source that registered
/// them, or for a source the returnee listed in <c>consent.dataSharing</c>. Everyone else with
/// <c>returnees:read</c> sees the pseudonymous profile.
/// </summary>
public static class SharingRule
{
    /// <summary>The caller's source that grants the identifying view (the registering one first), or null.</summary>
    public static string? GrantingSource(Caller caller, ReturneeRegistered registration) =>
        caller.SpeaksFor(registration.Source)
            ? registration.Source
            : registration.Consent.DataSharing.FirstOrDefault(caller.SpeaksFor);
}
