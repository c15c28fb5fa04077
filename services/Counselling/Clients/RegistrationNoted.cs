namespace Reintegration.Counselling.Clients;

/// <summary>Intake registered the returnee; Counselling keeps only the consent it must respect.</summary>
public sealed record RegistrationNoted(Guid ReturneeId, DateTimeOffset RegisteredAt, bool CounsellingConsent);
