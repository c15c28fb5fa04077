namespace Reintegration.Counselling.GroupSessions;

/// <summary>The <c>data</c> of <c>reintegration.counselling.group-session-held.v1</c>, as posted.</summary>
public sealed record GroupSessionData(IReadOnlyList<Guid>? Participants, string? Topic, string? Facilitator, int? DurationMinutes, string? Region);
