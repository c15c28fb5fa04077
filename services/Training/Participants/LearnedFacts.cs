namespace Reintegration.Training.Participants;

// What Training keeps of what Intake tells it, on the returnee's learned-facts stream: only what
// decides whether a returnee may be recorded as a participant, each with the time it happened in
// the field. No closure reason, no consent flags beyond the withdrawal: counselling consent does
// not apply to workshops or awareness events (a livelihood workshop is not counselling).

/// <summary>The case was closed: participation dated after <see cref="ClosedAt"/> is refused until a reopening.</summary>
public sealed record ClosureNoted(Guid ReturneeId, DateTimeOffset ClosedAt);

/// <summary>The case was reopened at <see cref="ReopenedAt"/>.</summary>
public sealed record ReopeningNoted(Guid ReturneeId, DateTimeOffset ReopenedAt);

/// <summary>Consent to data processing was withdrawn (or the data erased) at Intake: final, whatever follows.</summary>
public sealed record ErasureNoted(Guid ReturneeId, DateTimeOffset ErasedAt);
