namespace Reintegration.Counselling.Referrals;

/// <summary>The <c>data</c> of <c>reintegration.counselling.referral-made.v1</c>, as posted.</summary>
public sealed record ReferralMadeData(Guid? ReferralId, string? Service, string? Urgency, string? Provider);

/// <summary>The <c>data</c> of <c>reintegration.counselling.referral-closed.v1</c>, as posted.</summary>
public sealed record ReferralClosedData(Guid? ReferralId, string? Outcome);
