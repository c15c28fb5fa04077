using Reintegration.Intake.Closure;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Plans;
using Reintegration.Intake.Screening;
using Reintegration.Intake.Surveys;

namespace Reintegration.Intake.Desk;

/// <summary>The desk's doors to the case, one per event type after the registration.</summary>
public static class CaseWriteEndpoints
{
    public static IEndpointRouteBuilder MapCaseWrites(this IEndpointRouteBuilder app)
    {
        app.MapCaseWrite<ConsentUpdateData>("consent", UpdateConsent.Type, "UpdateConsent",
            "Update a returnee's consent; dataProcessing: false withdraws it and erases their personal data");
        app.MapCaseWrite<ScreeningData>("screenings", ScreenVulnerability.Type, "ScreenVulnerability", "Record a vulnerability screening");
        app.MapCaseWrite<PlanData>("plans", AgreePlan.Type, "AgreePlan", "Record an agreed reintegration plan");
        app.MapCaseWrite<SurveyData>("surveys", RecordSurvey.Type, "RecordSurvey", "Record a sustainability survey's scores");
        app.MapCaseWrite<ClosureData>("closure", CloseCase.Type, "CloseCase", "Close a returnee's case with a reason");
        app.MapCaseWrite<ReopeningData>("reopening", ReopenCase.Type, "ReopenCase", "Reopen a closed case with a reason");
        return app;
    }
}
