using System.Text.Json.Nodes;
using Reintegration.Counselling.Assessments;
using Reintegration.Counselling.GroupSessions;
using Reintegration.Counselling.Referrals;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Counselling;

/// <summary>Partner events of Counselling's other four types, valid unless a test changes them.</summary>
public static class CounsellingEvents
{
    public static readonly RecordAssessment Assessments = new();
    public static readonly RecordGroupSession GroupSessions = new();
    public static readonly MakeReferral Referrals = new();
    public static readonly CloseReferral Closures = new();

    public static JsonObject AssessmentData(Guid assessmentId, string instrument, params int[] responses) => new()
    {
        ["assessmentId"] = assessmentId.ToString(),
        ["instrument"] = instrument,
        ["responses"] = new JsonArray(responses.Select(r => (JsonNode)r).ToArray()),
        ["administeredBy"] = "counsellor-kita-07",
    };

    public static CloudEventEnvelope Assessment(Guid returnee, JsonObject data, DateTimeOffset? time = null) =>
        Envelopes.Envelope(RecordAssessment.Type, returnee, data, time);

    /// <summary>A PHQ-9 whose item 9 is <paramref name="item9"/> (the others 1).</summary>
    public static CloudEventEnvelope Phq9(Guid returnee, Guid assessmentId, int item9, DateTimeOffset time) =>
        Assessment(returnee, AssessmentData(assessmentId, "phq-9", 1, 1, 1, 1, 1, 1, 1, 1, item9), time);

    public static AssessmentRecorded Phq9Recorded(Guid returnee, Guid assessmentId, int item9, DateTimeOffset time) =>
        new(returnee, time, Envelopes.Source, assessmentId, "phq-9", [1, 1, 1, 1, 1, 1, 1, 1, item9], "counsellor-kita-07", 8 + item9,
            8 + item9 >= 10 ? "moderate" : "mild", item9 > 0);

    public static JsonObject GroupSessionData(params Guid[] participants) => new()
    {
        ["participants"] = new JsonArray(participants.Select(p => (JsonNode)p.ToString()).ToArray()),
        ["topic"] = "Coping with return",
        ["facilitator"] = "facilitator-kayes-02",
        ["durationMinutes"] = 90,
        ["region"] = "kayes",
    };

    public static CloudEventEnvelope GroupSession(Guid session, JsonObject data, DateTimeOffset? time = null) =>
        Envelopes.Envelope(RecordGroupSession.Type, session, data, time);

    public static GroupSessionHeld GroupHeld(Guid session, DateTimeOffset time, params Guid[] participants) =>
        new(session, time, Envelopes.Source, participants, "Coping with return", "facilitator-kayes-02", 90, "kayes");

    public static JsonObject ReferralData(Guid referralId, string service = "specialised-mental-health", string urgency = "urgent") => new()
    {
        ["referralId"] = referralId.ToString(), ["service"] = service, ["urgency"] = urgency,
    };

    public static CloudEventEnvelope Referral(Guid returnee, JsonObject data, DateTimeOffset? time = null) =>
        Envelopes.Envelope(MakeReferral.Type, returnee, data, time);

    public static ReferralMade Made(Guid returnee, Guid referralId, DateTimeOffset time, string service = "specialised-mental-health", string urgency = "urgent") =>
        new(returnee, time, Envelopes.Source, referralId, service, urgency, null);

    public static CloudEventEnvelope Closure(Guid returnee, Guid referralId, string outcome, DateTimeOffset? time = null) =>
        Envelopes.Envelope(CloseReferral.Type, returnee, new JsonObject { ["referralId"] = referralId.ToString(), ["outcome"] = outcome }, time);

    public static ReferralClosed Closed(Guid returnee, Guid referralId, string outcome, DateTimeOffset time) =>
        new(returnee, time, Envelopes.Source, referralId, outcome);
}
