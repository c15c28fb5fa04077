namespace Reintegration.Counselling.GroupSessions;

/// <summary>A group session (IASC layer 2) was held with these returnees; on the session's own stream.</summary>
public sealed record GroupSessionHeld(
    Guid GroupSessionId,
    DateTimeOffset Time,
    string Source,
    IReadOnlyList<Guid> Participants,
    string Topic,
    string Facilitator,
    int DurationMinutes,
    string Region);
