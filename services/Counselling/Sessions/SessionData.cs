namespace Reintegration.Counselling.Sessions;

/// <summary>The <c>data</c> of <c>reintegration.counselling.session-held.v1</c>, as posted.</summary>
public sealed record SessionData(string? Format, string? Modality, string? Intervention, int? DurationMinutes, string? Counsellor);
