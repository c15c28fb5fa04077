using JasperFx.Events;
using Reintegration.Counselling.Clients;
using Reintegration.Counselling.Referrals;
using Reintegration.Counselling.RiskFlags;
using Reintegration.Counselling.Sessions;
using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.Counselling.Caseload;

public sealed record FlagEntry(Guid AssessmentId, DateTimeOffset RaisedAt, DateTimeOffset? FollowedUpAt, string? FollowedUpBy);

public sealed record ReferralEntry(Guid ReferralId, DateTimeOffset MadeAt, string Service, string Urgency, DateTimeOffset? ClosedAt, string? Outcome);

public sealed record CounsellorContact(string Counsellor, DateTimeOffset LastSessionAt);

public sealed record LastSession(DateTimeOffset Time, string Format, string Modality, string Intervention, string Counsellor);

/// <summary>
/// One returnee as the counsellors' reads see them, kept by the async daemon
/// (<see cref="CounsellingFileWriter"/>) over both the returnee's own stream (sessions, flags,
/// referrals) and what was learned from Intake (region, erasure): pseudonymous ids, codes and
/// times, and the counsellor identifiers of their sessions.
/// </summary>
public sealed class CounsellingFile
{
    public Guid Id { get; set; }
    public string? Region { get; set; }
    public bool Erased { get; set; }
    public List<FlagEntry> Flags { get; set; } = [];
    public bool HasOpenFlag { get; set; }
    public bool HasFlag { get; set; }
    public List<ReferralEntry> Referrals { get; set; } = [];
    public List<CounsellorContact> Counsellors { get; set; } = [];

    /// <summary>The counsellors of <see cref="Counsellors"/>, for the caseload query.</summary>
    public List<string> CounsellorIds { get; set; } = [];

    public LastSession? LastSession { get; set; }

    /// <summary>Pure: the file after one more event about the returnee, in whatever order they come.</summary>
    public static CounsellingFile Fold(CounsellingFile? file, Guid returnee, object @event)
    {
        var next = file ?? new CounsellingFile { Id = returnee };
        switch (@event)
        {
            case RegistrationNoted r:
                next.Region ??= r.Region;
                break;
            case ConsentNoted { DataProcessing: false }:
            case ErasureNoted:
                next.Erased = true;
                break;
            case SessionHeld s:
                if (next.LastSession is null || s.Time >= next.LastSession.Time)
                    next.LastSession = new LastSession(s.Time, s.Format, s.Modality, s.Intervention, s.Counsellor);
                var known = next.Counsellors.FindIndex(c => c.Counsellor == s.Counsellor);
                if (known < 0)
                {
                    next.Counsellors.Add(new CounsellorContact(s.Counsellor, s.Time));
                    next.CounsellorIds.Add(s.Counsellor);
                }
                else if (s.Time > next.Counsellors[known].LastSessionAt) next.Counsellors[known] = new CounsellorContact(s.Counsellor, s.Time);
                break;
            case RiskFlagRaised r when next.Flags.All(f => f.AssessmentId != r.AssessmentId):
                next.Flags.Add(new FlagEntry(r.AssessmentId, r.RaisedAt, null, null));
                break;
            case RiskFlagFollowedUp f when next.Flags.FindIndex(x => x.AssessmentId == f.AssessmentId) is var i and >= 0
                                           && (next.Flags[i].FollowedUpAt is null || f.FollowedUpAt < next.Flags[i].FollowedUpAt):
                next.Flags[i] = next.Flags[i] with { FollowedUpAt = f.FollowedUpAt, FollowedUpBy = f.By };
                break;
            case ReferralMade m when next.Referrals.All(x => x.ReferralId != m.ReferralId):
                next.Referrals.Add(new ReferralEntry(m.ReferralId, m.Time, m.Service, m.Urgency, null, null));
                break;
            case ReferralClosed c when next.Referrals.FindIndex(x => x.ReferralId == c.ReferralId && x.ClosedAt is null) is var j and >= 0:
                next.Referrals[j] = next.Referrals[j] with { ClosedAt = c.Time, Outcome = c.Outcome };
                break;
        }

        next.HasFlag = next.Flags.Count > 0;
        next.HasOpenFlag = next.Flags.Any(f => f.FollowedUpAt is null);
        return next;
    }
}

/// <summary>Keeps <see cref="CounsellingFile"/> per returnee from every event about them, on any stream (run by the async daemon).</summary>
public sealed class CounsellingFileWriter : FoldedDocuments<CounsellingFile>
{
    public const string SubscriptionName = "counselling-files";

    protected override Guid? SubjectOf(IEvent e) => e.Data is IAboutReturnee about ? about.ReturneeId : null;

    protected override CounsellingFile Fold(CounsellingFile? document, Guid subject, object data) => CounsellingFile.Fold(document, subject, data);

    protected override Guid IdOf(CounsellingFile document) => document.Id;
}
