using JasperFx.Events;
using Reintegration.Intake.Closure;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Plans;
using Reintegration.Intake.Registration;
using Reintegration.Intake.Screening;
using Reintegration.Intake.Surveys;
using Reintegration.ServiceDefaults.Messaging;
using Contracts = Reintegration.Contracts;

namespace Reintegration.Intake.Publishing;

/// <summary>
/// What other services learn from Intake: never names, phones, dates of birth, communes, partner
/// references, the data-sharing list, plan goal descriptions or free-text reasons.
/// </summary>
public sealed class IntakeIntegrationEvents : IIntegrationEventMap
{
    public object? ToIntegrationEvent(IEvent committed) => committed.Data switch
    {
        ReturneeRegistered r => new Contracts.ReturneeRegistered(
            r.ReturneeId, r.Time, r.Sex, r.AgeGroup, r.Region, r.ReturnedFrom, r.ReturnType, r.ArrivalDate, r.Consent.Counselling),
        ConsentUpdated c => new Contracts.ReturneeConsentChanged(
            c.ReturneeId, c.Time, c.Current.DataProcessing, c.Current.Counselling, c.Current.FollowUpContact),
        ReturneeErased e => new Contracts.ReturneeErased(e.ReturneeId, e.Time),
        VulnerabilityScreened s => new Contracts.ReturneeScreened(s.ReturneeId, s.Time, s.Vulnerabilities, s.UrgentCareNeeded),
        PlanAgreed p => new Contracts.ReintegrationPlanAgreed(p.ReturneeId, p.Time, p.Goals.Select(g => g.Dimension).ToList()),
        SurveyRecorded s => new Contracts.SustainabilitySurveyRecorded(s.ReturneeId, s.Time, s.Economic, s.Social, s.Psychosocial, s.Composite),
        CaseClosed c => new Contracts.ReturneeCaseClosed(c.ReturneeId, c.Time, c.Reason),
        CaseReopened r => new Contracts.ReturneeCaseReopened(r.ReturneeId, r.Time),
        _ => null,
    };
}
