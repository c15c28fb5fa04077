namespace Reintegration.Counselling.RiskFlags;

/// <summary>A PHQ-9 with item 9 (thoughts of self-harm) above 0: urgent follow-up. The flag is named by its assessment.</summary>
public sealed record RiskFlagRaised(Guid ReturneeId, Guid AssessmentId, DateTimeOffset RaisedAt) : IAboutReturnee;

/// <summary>
/// The flag was followed up by the first session or assessment of the returnee dated after it
/// (<see cref="By"/>: <c>session</c> or <c>assessment</c>). A late sync bringing an earlier one
/// appends another, with the earlier time: the earliest stands.
/// </summary>
public sealed record RiskFlagFollowedUp(Guid ReturneeId, Guid AssessmentId, DateTimeOffset RaisedAt, DateTimeOffset FollowedUpAt, string By) : IAboutReturnee;
