using JasperFx.Events;
using Reintegration.Counselling.Assessments;
using Reintegration.Counselling.GroupSessions;
using Reintegration.Counselling.Referrals;
using Reintegration.Counselling.RiskFlags;
using Reintegration.Counselling.Sessions;
using Reintegration.ServiceDefaults.Messaging;
using Contracts = Reintegration.Contracts;

namespace Reintegration.Counselling.Publishing;

/// <summary>
/// What other services learn from Counselling: what was held, scored, raised and referred, never
/// who held it, what was said or answered (no responses, topics, providers, counsellors or facilitators).
/// </summary>
public sealed class CounsellingIntegrationEvents : IIntegrationEventMap
{
    public object? ToIntegrationEvent(IEvent committed) => committed.Data switch
    {
        SessionHeld s => new Contracts.CounsellingSessionHeld(
            committed.Id, s.ReturneeId, s.Time, s.Format, s.Modality, s.Intervention, s.DurationMinutes),
        GroupSessionHeld g => new Contracts.GroupSessionHeld(g.GroupSessionId, g.Time, g.Region, g.DurationMinutes, g.Participants),
        AssessmentRecorded a => new Contracts.AssessmentRecorded(a.ReturneeId, a.AssessmentId, a.Time, a.Instrument, a.Score, a.Band, a.RaisesRiskFlag),
        RiskFlagRaised r => new Contracts.RiskFlagRaised(r.ReturneeId, r.AssessmentId, r.RaisedAt),
        RiskFlagFollowedUp f => new Contracts.RiskFlagFollowedUp(f.ReturneeId, f.AssessmentId, f.RaisedAt, f.FollowedUpAt),
        ReferralMade m => new Contracts.ReferralMade(m.ReturneeId, m.ReferralId, m.Time, m.Service, m.Urgency),
        ReferralClosed c => new Contracts.ReferralClosed(c.ReturneeId, c.ReferralId, c.Time, c.Outcome),
        _ => null,
    };
}
