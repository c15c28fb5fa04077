namespace Reintegration.ServiceDefaults.Reference;

/// <summary>
/// Every event type of the partner catalogue, taken or not yet taken by a service: a catalogued
/// type posted to the wrong service is pointed to its owner; anything else is unknown.
/// </summary>
public static class CatalogueEventTypes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "reintegration.intake.returnee-registered.v1",
        "reintegration.intake.consent-updated.v1",
        "reintegration.intake.vulnerability-screened.v1",
        "reintegration.intake.reintegration-plan-agreed.v1",
        "reintegration.intake.sustainability-survey-recorded.v1",
        "reintegration.intake.case-closed.v1",
        "reintegration.intake.case-reopened.v1",
        "reintegration.counselling.session-held.v1",
        "reintegration.counselling.group-session-held.v1",
        "reintegration.counselling.assessment-recorded.v1",
        "reintegration.counselling.referral-made.v1",
        "reintegration.counselling.referral-closed.v1",
        "reintegration.training.training-delivered.v1",
        "reintegration.training.worker-certified.v1",
        "reintegration.training.awareness-event-held.v1",
        "reintegration.training.workshop-held.v1",
    };
}
