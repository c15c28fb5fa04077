namespace Reintegration.Intake.Registration;

/// <summary>The <c>data</c> of <c>reintegration.intake.returnee-registered.v1</c>, as posted; checked by <see cref="RegistrationRules"/>.</summary>
public sealed record RegistrationData(
    string? PartnerReference,
    string? GivenName,
    string? FamilyName,
    string? Sex,
    DateOnly? DateOfBirth,
    int? Age,
    string? Phone,
    string? Region,
    string? Commune,
    string? ReturnedFrom,
    DateOnly? ArrivalDate,
    string? ReturnType,
    ConsentData? Consent);

public sealed record ConsentData(bool? DataProcessing, bool? Counselling, bool? FollowUpContact, IReadOnlyList<string>? DataSharing);
