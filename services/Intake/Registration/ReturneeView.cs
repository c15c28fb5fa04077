using Reintegration.Intake.Cases;

namespace Reintegration.Intake.Registration;

/// <summary>
/// A returnee as the desk reads them: the pseudonymous profile for anyone with
/// <c>returnees:read</c>, and <see cref="Identity"/> only where the sharing rule allows.
/// <see cref="Disclosure"/> says which of the two the answer is.
/// </summary>
public sealed record ReturneeView(Guid Id, string Disclosure, ReturneeProfile Profile, ReturneeIdentity? Identity)
{
    public const string Identifying = "identifying";
    public const string Pseudonymous = "pseudonymous";

    /// <param name="identity">The opened identifying data, when the caller may see it (null: the pseudonymous view).</param>
    public static ReturneeView From(ReturneeCase c, ReturneeIdentityData? identity)
    {
        var r = c.Registration;
        var profile = new ReturneeProfile(r.Sex, r.AgeGroup, r.Region, r.ReturnedFrom, r.ArrivalDate, r.ReturnType, r.Consent, r.Time);
        var shown = identity is { Person: var p }
            ? new ReturneeIdentity(p.GivenName, p.FamilyName, p.DateOfBirth, p.StatedAge, r.AgeAtArrival, p.Phone, p.Commune, identity.PartnerReference, r.Source)
            : null;
        return new ReturneeView(c.Id, shown is null ? Pseudonymous : Identifying, profile, shown);
    }
}

/// <summary>What may be shown without the returnee's consent to share: nothing that names or locates them.</summary>
public sealed record ReturneeProfile(
    string Sex, string AgeGroup, string Region, string ReturnedFrom, DateOnly ArrivalDate, string ReturnType, ConsentGiven Consent,
    DateTimeOffset RegisteredAt);

/// <summary>Identifying data: names, date of birth or age, phone, commune and the partner's own reference.</summary>
public sealed record ReturneeIdentity(
    string GivenName, string FamilyName, DateOnly? DateOfBirth, int? Age, int AgeAtArrival, string? Phone, string? Commune,
    string PartnerReference, string RegisteredBy);
