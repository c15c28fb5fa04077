namespace Reintegration.Intake.Registration;

/// <summary>
/// A returnee was registered. Personal details sit in <see cref="Person"/> so that erasing them
/// (when consent to data processing is withdrawn) leaves the anonymous facts that are counted.
/// </summary>
public sealed record ReturneeRegistered(
    Guid ReturneeId,
    DateTimeOffset Time,
    string Source,
    string PartnerReference,
    PersonalDetails Person,
    string Sex,
    int AgeAtArrival,
    string AgeGroup,
    string Region,
    string ReturnedFrom,
    DateOnly ArrivalDate,
    string ReturnType,
    ConsentGiven Consent);

public sealed record PersonalDetails(string GivenName, string FamilyName, DateOnly? DateOfBirth, int? StatedAge, string? Phone, string? Commune);

public sealed record ConsentGiven(bool DataProcessing, bool Counselling, bool FollowUpContact, IReadOnlyList<string> DataSharing);
