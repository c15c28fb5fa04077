using Reintegration.ServiceDefaults.Privacy;

namespace Reintegration.Intake.Registration;

/// <summary>
/// A returnee was registered. What identifies them (names, date of birth or stated age, phone,
/// commune, the partner's reference) is <see cref="Identity"/>, sealed under the returnee's own
/// key (<see cref="IdentityOf"/> opens it); the anonymous facts that are counted stay readable,
/// and stay after the key is erased.
/// </summary>
public sealed record ReturneeRegistered(
    Guid ReturneeId,
    DateTimeOffset Time,
    string Source,
    Sealed Identity,
    string Sex,
    int AgeAtArrival,
    string AgeGroup,
    string Region,
    string ReturnedFrom,
    DateOnly ArrivalDate,
    string ReturnType,
    ConsentGiven Consent) : IHoldsPersonalData
{
    /// <summary>The identifying data, or null when the key is gone (erased) or not this returnee's.</summary>
    public ReturneeIdentityData? IdentityOf(byte[]? key) => key is null ? null : Seal.Open<ReturneeIdentityData>(Identity, key);
}

/// <summary>Everything identifying in a registration, sealed as one value.</summary>
public sealed record ReturneeIdentityData(string PartnerReference, PersonalDetails Person);

public sealed record PersonalDetails(string GivenName, string FamilyName, DateOnly? DateOfBirth, int? StatedAge, string? Phone, string? Commune);

public sealed record ConsentGiven(bool DataProcessing, bool Counselling, bool FollowUpContact, IReadOnlyList<string> DataSharing);

/// <summary>A valid registration as posted, identifying data in plain: the command; it is sealed before it is stored.</summary>
public sealed record Registration(
    Guid ReturneeId,
    DateTimeOffset Time,
    string Source,
    ReturneeIdentityData Identity,
    string Sex,
    int AgeAtArrival,
    string AgeGroup,
    string Region,
    string ReturnedFrom,
    DateOnly ArrivalDate,
    string ReturnType,
    ConsentGiven Consent)
{
    public ReturneeRegistered SealedWith(byte[] key) =>
        new(ReturneeId, Time, Source, Seal.Close(Identity, key), Sex, AgeAtArrival, AgeGroup, Region, ReturnedFrom, ArrivalDate, ReturnType, Consent);
}
