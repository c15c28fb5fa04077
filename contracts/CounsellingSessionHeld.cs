namespace Reintegration.Contracts;

/// <summary>
/// An individual or family counselling session was held. The counsellor's identifier and any
/// notes stay in Counselling: reporting needs only what it counts.
/// </summary>
public sealed record CounsellingSessionHeld(
    Guid SessionId,
    Guid ReturneeId,
    DateTimeOffset HeldAt,
    string Format,
    string Modality,
    string Intervention,
    int DurationMinutes);
