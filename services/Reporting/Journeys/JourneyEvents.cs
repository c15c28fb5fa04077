namespace Reintegration.Reporting.Journeys;

// Reporting's own log of what it was told, one stream per returnee. Read models are rebuilt from
// these events alone, without asking any other service.

public sealed record RegistrationReported(
    Guid ReturneeId, DateTimeOffset Time, string Sex, string AgeGroup, string Region, string ReturnedFrom, string ReturnType, DateOnly ArrivalDate);

public sealed record CounsellingSessionReported(
    Guid ReturneeId, Guid SessionId, DateTimeOffset Time, string Format, string Modality, string Intervention, int DurationMinutes);

public sealed record AwarenessEventAttended(Guid ReturneeId, Guid AwarenessEventId, DateTimeOffset Time, string Kind, string Region);
