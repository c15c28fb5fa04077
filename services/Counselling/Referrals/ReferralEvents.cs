namespace Reintegration.Counselling.Referrals;

/// <summary>The returnee was referred to another service.</summary>
public sealed record ReferralMade(
    Guid ReturneeId, DateTimeOffset Time, string Source, Guid ReferralId, string Service, string Urgency, string? Provider) : IAboutReturnee;

/// <summary>A referral of the returnee was closed with this outcome.</summary>
public sealed record ReferralClosed(Guid ReturneeId, DateTimeOffset Time, string Source, Guid ReferralId, string Outcome) : IAboutReturnee;
