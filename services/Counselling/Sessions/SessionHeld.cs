namespace Reintegration.Counselling.Sessions;

/// <summary>An individual or family session was held with the returnee.</summary>
public sealed record SessionHeld(
    Guid ReturneeId,
    DateTimeOffset Time,
    string Source,
    string Format,
    string Modality,
    string Intervention,
    int DurationMinutes,
    string Counsellor) : IAboutReturnee;
