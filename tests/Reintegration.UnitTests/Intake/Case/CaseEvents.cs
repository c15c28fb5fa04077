using System.Text.Json.Nodes;
using Reintegration.Intake.Closure;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Plans;
using Reintegration.Intake.Registration;
using Reintegration.Intake.Screening;
using Reintegration.Intake.Surveys;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Intake.Case;

/// <summary>The case's event types as a partner posts them, and the domain events they stand for.</summary>
public static class CaseEvents
{
    public static readonly UpdateConsent Consent = new();
    public static readonly ScreenVulnerability Screen = new();
    public static readonly AgreePlan Plan = new();
    public static readonly RecordSurvey Survey = new();
    public static readonly CloseCase Close = new();
    public static readonly ReopenCase Reopen = new();

    public static DateTimeOffset Day(int day) => Envelopes.At.AddDays(day);

    public static ReturneeRegistered Registered(Guid returnee) => Registrations.Registered(returnee, Day(-30));

    public static JsonObject Data(string json) => (JsonObject)JsonNode.Parse(json)!;

    public static CloudEventEnvelope Posted<TData, TCommand>(CloudEventHandler<TData, TCommand> handler, Guid returnee, string data, DateTimeOffset time)
        where TData : class =>
        Envelopes.Envelope(handler.EventType, returnee, Data(data), time);

    public const string ScreeningData = """{"vulnerabilities": ["survivor-of-violence", "single-parent"], "urgentCareNeeded": true}""";
    public const string PlanData = """{"goals": [{"dimension": "economic", "description": "Open a tailoring shop in Kita"}]}""";
    public const string SurveyData = """{"economic": 0.4, "social": 0.75, "psychosocial": 0.5, "composite": 0.55}""";

    public static VulnerabilityScreened Screened(Guid returnee, DateTimeOffset time, params string[] vulnerabilities) =>
        new(returnee, time, Envelopes.Source, vulnerabilities.Length == 0 ? ["survivor-of-violence", "single-parent"] : vulnerabilities, true);

    public static PlanAgreed Agreed(Guid returnee, DateTimeOffset time) =>
        new(returnee, time, Envelopes.Source, [new Goal("economic", "Open a tailoring shop in Kita")]);

    public static SurveyRecorded Surveyed(Guid returnee, DateTimeOffset time) => new(returnee, time, Envelopes.Source, 0.4m, 0.75m, 0.5m, 0.55m);

    public static CaseClosed Closed(Guid returnee, DateTimeOffset time, string reason = "support-completed") => new(returnee, time, Envelopes.Source, reason);

    public static CaseReopened Reopened(Guid returnee, DateTimeOffset time, string reason = "Returned to the programme") => new(returnee, time, Envelopes.Source, reason);

    public static string Closure(string reason = "support-completed") => $$"""{"reason": "{{reason}}"}""";
}
