using System.Globalization;
using Marten;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Reporting.Journeys;

// Counselling's activities beyond individual sessions, as Reporting records them: on the journey
// of each returnee concerned (and a group session on its own stream too, for the indicators to
// come). Codes, scores, counts and times only: no responses, topics, providers or facilitators.

public sealed record GroupSessionAttended(Guid ReturneeId, Guid GroupSessionId, DateTimeOffset Time, string Region, int DurationMinutes, int Participants);

/// <summary>A group session on its own stream: what the group-session indicators will count.</summary>
public sealed record GroupSessionReported(Guid GroupSessionId, DateTimeOffset Time, string Region, int DurationMinutes, IReadOnlyList<Guid> Participants);

public sealed record AssessmentReported(Guid ReturneeId, Guid AssessmentId, DateTimeOffset Time, string Instrument, int Score, string Band, bool RiskFlagRaised);

public sealed record RiskFlagRaisedReported(Guid ReturneeId, Guid AssessmentId, DateTimeOffset Time);

/// <summary>A flag followed up at <see cref="Time"/>; told again with an earlier time when a late sync brings an earlier contact.</summary>
public sealed record RiskFlagFollowedUpReported(Guid ReturneeId, Guid AssessmentId, DateTimeOffset RaisedAt, DateTimeOffset Time);

public sealed record ReferralMadeReported(Guid ReturneeId, Guid ReferralId, DateTimeOffset Time, string Service, string Urgency);

public sealed record ReferralClosedReported(Guid ReturneeId, Guid ReferralId, DateTimeOffset Time, string Outcome);

public sealed partial class ReturneeJourney
{
    public static readonly IReadOnlyList<Type> CounsellingEventTypes =
    [
        typeof(GroupSessionAttended), typeof(AssessmentReported), typeof(RiskFlagRaisedReported), typeof(RiskFlagFollowedUpReported),
        typeof(ReferralMadeReported), typeof(ReferralClosedReported),
    ];

    public List<GroupSessionAttended> GroupSessions { get; set; } = [];
    public List<AssessmentReported> Assessments { get; set; } = [];
    public List<RiskFlagRaisedReported> RiskFlags { get; set; } = [];

    /// <summary>The follow-up of each flag: the earliest told.</summary>
    public List<RiskFlagFollowedUpReported> FollowUps { get; set; } = [];

    public List<ReferralMadeReported> Referrals { get; set; } = [];
    public List<ReferralClosedReported> ReferralClosures { get; set; } = [];

    /// <summary>Folds one of Counselling's events (a fact told twice is kept once); false for any other event.</summary>
    private static bool FoldCounselling(ReturneeJourney next, object @event)
    {
        switch (@event)
        {
            case GroupSessionAttended g:
                if (next.GroupSessions.All(x => x.GroupSessionId != g.GroupSessionId)) next.GroupSessions.Add(g);
                return true;
            case AssessmentReported a:
                if (next.Assessments.All(x => x.AssessmentId != a.AssessmentId)) next.Assessments.Add(a);
                return true;
            case RiskFlagRaisedReported r:
                if (next.RiskFlags.All(x => x.AssessmentId != r.AssessmentId)) next.RiskFlags.Add(r);
                return true;
            case RiskFlagFollowedUpReported f:
                var known = next.FollowUps.FindIndex(x => x.AssessmentId == f.AssessmentId);
                if (known < 0) next.FollowUps.Add(f);
                else if (f.Time < next.FollowUps[known].Time) next.FollowUps[known] = f;
                return true;
            case ReferralMadeReported m:
                if (next.Referrals.All(x => x.ReferralId != m.ReferralId)) next.Referrals.Add(m);
                return true;
            case ReferralClosedReported c:
                if (next.ReferralClosures.All(x => x.ReferralId != c.ReferralId)) next.ReferralClosures.Add(c);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The journey steps of Counselling's events beyond individual sessions.</summary>
    public IEnumerable<JourneyStep> CounsellingSteps()
    {
        foreach (var g in GroupSessions)
            yield return Step(g.Time, "group-session-attended", new()
            {
                ["region"] = g.Region, ["durationMinutes"] = Number(g.DurationMinutes), ["participants"] = Number(g.Participants),
            });
        foreach (var a in Assessments)
            yield return Step(a.Time, "assessment-recorded", new()
            {
                ["instrument"] = a.Instrument, ["score"] = Number(a.Score), ["band"] = a.Band, ["riskFlagRaised"] = a.RiskFlagRaised ? "true" : "false",
            });
        foreach (var r in RiskFlags) yield return Step(r.Time, "risk-flag-raised", []);
        foreach (var f in FollowUps)
            yield return Step(f.Time, "risk-flag-followed-up", new() { ["raisedAt"] = f.RaisedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) });
        foreach (var m in Referrals) yield return Step(m.Time, "referral-made", new() { ["service"] = m.Service, ["urgency"] = m.Urgency });
        foreach (var c in ReferralClosures)
            yield return Step(c.Time, "referral-closed", new()
            {
                ["service"] = Referrals.FirstOrDefault(m => m.ReferralId == c.ReferralId)?.Service ?? "", ["outcome"] = c.Outcome,
            });
    }

    private static JourneyStep Step(DateTimeOffset time, string what, Dictionary<string, string> details) => new(time, "counselling", what, details);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed class GroupSessionHeldConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : ReportingLogConsumer<GroupSessionHeld>(session, gate, clock)
{
    protected override void Report(GroupSessionHeld m, LogAppends log)
    {
        log.Add(m.GroupSessionId, new GroupSessionReported(m.GroupSessionId, m.HeldAt, m.Region, m.DurationMinutes, [.. m.Participants]));
        foreach (var returnee in m.Participants)
            log.Add(returnee, new GroupSessionAttended(returnee, m.GroupSessionId, m.HeldAt, m.Region, m.DurationMinutes, m.Participants.Count));
    }
}

public sealed class AssessmentRecordedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<AssessmentRecorded>(session, gate, clock)
{
    protected override (Guid, object) Report(AssessmentRecorded m) =>
        (m.ReturneeId, new AssessmentReported(m.ReturneeId, m.AssessmentId, m.RecordedAt, m.Instrument, m.Score, m.Band, m.RiskFlagRaised));
}

public sealed class RiskFlagRaisedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<RiskFlagRaised>(session, gate, clock)
{
    protected override (Guid, object) Report(RiskFlagRaised m) => (m.ReturneeId, new RiskFlagRaisedReported(m.ReturneeId, m.AssessmentId, m.RaisedAt));
}

public sealed class RiskFlagFollowedUpConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<RiskFlagFollowedUp>(session, gate, clock)
{
    protected override (Guid, object) Report(RiskFlagFollowedUp m) =>
        (m.ReturneeId, new RiskFlagFollowedUpReported(m.ReturneeId, m.AssessmentId, m.RaisedAt, m.FollowedUpAt));
}

public sealed class ReferralMadeConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<ReferralMade>(session, gate, clock)
{
    protected override (Guid, object) Report(ReferralMade m) => (m.ReturneeId, new ReferralMadeReported(m.ReturneeId, m.ReferralId, m.MadeAt, m.Service, m.Urgency));
}

public sealed class ReferralClosedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<ReferralClosed>(session, gate, clock)
{
    protected override (Guid, object) Report(ReferralClosed m) => (m.ReturneeId, new ReferralClosedReported(m.ReturneeId, m.ReferralId, m.ClosedAt, m.Outcome));
}

public static class CounsellingJourneyConsumers
{
    /// <summary>The consumers of Counselling's events beyond individual sessions.</summary>
    public static void AddCounsellingJourneyConsumers(this MassTransit.IBusRegistrationConfigurator bus)
    {
        bus.AddBatchConsumer<GroupSessionHeldConsumer>();
        bus.AddBatchConsumer<AssessmentRecordedConsumer>();
        bus.AddBatchConsumer<RiskFlagRaisedConsumer>();
        bus.AddBatchConsumer<RiskFlagFollowedUpConsumer>();
        bus.AddBatchConsumer<ReferralMadeConsumer>();
        bus.AddBatchConsumer<ReferralClosedConsumer>();
    }
}
