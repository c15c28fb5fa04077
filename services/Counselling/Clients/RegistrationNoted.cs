namespace Reintegration.Counselling.Clients;

/// <summary>
/// Intake registered the returnee; Counselling keeps only the consent it must respect and the
/// region a counsellor's list of risk flags is filtered by (null in facts noted before it was kept).
/// </summary>
public sealed record RegistrationNoted(Guid ReturneeId, DateTimeOffset RegisteredAt, bool CounsellingConsent, string? Region = null) : IAboutReturnee;
