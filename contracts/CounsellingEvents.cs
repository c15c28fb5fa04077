namespace Reintegration.Contracts;

// What Counselling tells other services beyond individual sessions: codes, counts, scores and
// times only. Never a response to an item, a topic, a provider, a facilitator's or counsellor's
// identifier: Reporting needs only what it counts and shows in a journey.

/// <summary>A group session (IASC layer 2) was held in <see cref="Region"/> with these returnees.</summary>
public sealed record GroupSessionHeld(Guid GroupSessionId, DateTimeOffset HeldAt, string Region, int DurationMinutes, IReadOnlyList<Guid> Participants);

/// <summary>An assessment was recorded and scored by Counselling; <see cref="RiskFlagRaised"/> when it raised a self-harm flag.</summary>
public sealed record AssessmentRecorded(
    Guid ReturneeId, Guid AssessmentId, DateTimeOffset RecordedAt, string Instrument, int Score, string Band, bool RiskFlagRaised);

/// <summary>A PHQ-9 with item 9 above 0 raised a flag for urgent follow-up (the flag is named by its assessment).</summary>
public sealed record RiskFlagRaised(Guid ReturneeId, Guid AssessmentId, DateTimeOffset RaisedAt);

/// <summary>
/// The flag was followed up by the first session or assessment dated after it. A late sync may
/// bring an earlier one: then it is told again with the earlier time, which stands.
/// </summary>
public sealed record RiskFlagFollowedUp(Guid ReturneeId, Guid AssessmentId, DateTimeOffset RaisedAt, DateTimeOffset FollowedUpAt);

/// <summary>The returnee was referred to a service (the provider stays in Counselling).</summary>
public sealed record ReferralMade(Guid ReturneeId, Guid ReferralId, DateTimeOffset MadeAt, string Service, string Urgency);

/// <summary>A referral was closed with this outcome.</summary>
public sealed record ReferralClosed(Guid ReturneeId, Guid ReferralId, DateTimeOffset ClosedAt, string Outcome);
