namespace Reintegration.Contracts;

/// <summary>
/// A returnee was registered at Intake. Carries what other services need to count people and to
/// respect their consent: never a name, phone number, commune or date of birth.
/// </summary>
public sealed record ReturneeRegistered(
    Guid ReturneeId,
    DateTimeOffset RegisteredAt,
    string Sex,
    string AgeGroup,
    string Region,
    string ReturnedFrom,
    string ReturnType,
    DateOnly ArrivalDate,
    bool CounsellingConsent);
