using Reintegration.Counselling.Assessments;
using Reintegration.Counselling.Referrals;
using Reintegration.Counselling.RiskFlags;
using Reintegration.Counselling.Sessions;
using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.Counselling.Records;

/// <summary>A risk flag as the decisions see it: when raised, and when first followed up (null while open).</summary>
public sealed record RiskFlag(Guid AssessmentId, DateTimeOffset RaisedAt, DateTimeOffset? FollowedUpAt)
{
    public bool Open => FollowedUpAt is null;
}

/// <summary>A referral as the decisions see it: as made, and its outcome once closed.</summary>
public sealed record Referral(ReferralMade Made, ReferralClosed? Closed);

/// <summary>
/// What Counselling recorded about one returnee, folded from the returnee's own stream (the
/// stream partner events append to and version-check): the time of every session and assessment
/// (what follows a risk flag up), assessments and referrals by their partner-given ids, and the
/// flags with their follow-up. Folded from null each time, so it may build itself in place.
/// </summary>
public sealed class CounsellingRecord : IStreamState<CounsellingRecord>
{
    public long Version { get; set; }

    /// <summary>Every individual session and assessment: its time and which it was.</summary>
    public List<(DateTimeOffset Time, string By)> Contacts { get; } = [];

    public Dictionary<Guid, AssessmentRecorded> Assessments { get; } = [];

    public Dictionary<Guid, RiskFlag> Flags { get; } = [];

    public Dictionary<Guid, Referral> Referrals { get; } = [];

    public static CounsellingRecord? Fold(CounsellingRecord? state, Guid streamId, object @event)
    {
        if (@event is not (SessionHeld or AssessmentRecorded or RiskFlagRaised or RiskFlagFollowedUp or ReferralMade or ReferralClosed)) return state;
        var record = state ?? new CounsellingRecord();
        switch (@event)
        {
            case SessionHeld s:
                record.Contacts.Add((s.Time, FollowUps.BySession));
                break;
            case AssessmentRecorded a:
                record.Contacts.Add((a.Time, FollowUps.ByAssessment));
                record.Assessments.TryAdd(a.AssessmentId, a);
                break;
            case RiskFlagRaised r:
                record.Flags.TryAdd(r.AssessmentId, new RiskFlag(r.AssessmentId, r.RaisedAt, null));
                break;
            case RiskFlagFollowedUp f when record.Flags.TryGetValue(f.AssessmentId, out var flag)
                                           && (flag.FollowedUpAt is null || f.FollowedUpAt < flag.FollowedUpAt):
                record.Flags[f.AssessmentId] = flag with { FollowedUpAt = f.FollowedUpAt };
                break;
            case ReferralMade m:
                record.Referrals.TryAdd(m.ReferralId, new Referral(m, null));
                break;
            case ReferralClosed c when record.Referrals.TryGetValue(c.ReferralId, out var referral) && referral.Closed is null:
                record.Referrals[c.ReferralId] = referral with { Closed = c };
                break;
        }

        return record;
    }
}
