using System.Text.Json.Nodes;

namespace Reintegration.PartnerSimulator.CloudEvents;

// Counselling's types: each about returnees who may be counselled at the event's time.
public static partial class ContractCheck
{
    private static readonly HashSet<string> Formats = ["individual", "family"];
    private static readonly HashSet<string> Modalities = ["in-person", "phone", "video"];
    private static readonly HashSet<string> Interventions =
        ["psychological-first-aid", "basic-counselling", "structured-psychological-intervention", "follow-up", "specialised-care"];
    private static readonly HashSet<string> ReferralServices =
        ["specialised-mental-health", "medical", "legal", "economic-reintegration", "education", "shelter", "family-tracing"];
    private static readonly HashSet<string> Urgencies = ["routine", "urgent", "emergency"];
    private static readonly HashSet<string> Outcomes = ["service-received", "declined", "not-reached", "cancelled"];

    /// <summary>Items and their range per instrument (the catalogue's scoring table).</summary>
    private static readonly Dictionary<string, (int Items, int Lowest, int Highest)> Instruments = new()
    {
        ["who-5"] = (5, 0, 5), ["phq-9"] = (9, 0, 3), ["gad-7"] = (7, 0, 3), ["k10"] = (10, 1, 5),
    };

    private static void CheckSession(Seen e, BetweenEvents between)
    {
        var d = e.Data;
        Unknown(d, ["format", "modality", "intervention", "durationMinutes", "counsellor"], e.Fail);
        Code(d, "format", Formats, e.Fail);
        Code(d, "modality", Modalities, e.Fail);
        Code(d, "intervention", Interventions, e.Fail);
        Duration(d, e.Fail);
        Length(Str(d, "counsellor"), 1, 64, "counsellor", e.Fail);
        between.Counselling(e, e.Subject);
    }

    private static void CheckGroupSession(Seen e, BetweenEvents between)
    {
        var d = e.Data;
        Unknown(d, ["participants", "topic", "facilitator", "durationMinutes", "region"], e.Fail);
        var participants = Participants(d, 2, 50, e.Fail);
        Length(Str(d, "topic"), 1, 200, "topic", e.Fail);
        Length(Str(d, "facilitator"), 1, 64, "facilitator", e.Fail);
        Duration(d, e.Fail);
        Code(d, "region", Regions, e.Fail);
        foreach (var returnee in participants) between.Counselling(e, returnee);
    }

    private static void CheckAssessment(Seen e, BetweenEvents between)
    {
        var d = e.Data;
        Unknown(d, ["assessmentId", "instrument", "responses", "administeredBy"], e.Fail);
        if (Uuid(d, "assessmentId") is null) e.Fail("assessmentId is not a UUID");
        Length(Str(d, "administeredBy"), 1, 64, "administeredBy", e.Fail);
        if (Str(d, "instrument") is not { } instrument || !Instruments.TryGetValue(instrument, out var scale))
            e.Fail($"instrument '{Str(d, "instrument")}' is not a catalogue code");
        else if (d["responses"] is not JsonArray responses || responses.Count != scale.Items)
            e.Fail($"responses are not {scale.Items} items");
        else
        {
            for (var item = 0; item < responses.Count; item++)
                if (responses[item] is not JsonValue v || !v.TryGetValue<int>(out var r) || r < scale.Lowest || r > scale.Highest)
                    e.Fail($"response {item + 1} is not an integer from {scale.Lowest} to {scale.Highest}");
        }

        between.Counselling(e, e.Subject);
        if (Uuid(d, "assessmentId") is { } assessment) between.Unique(e, "assessmentId", e.Subject, assessment);
    }

    private static void CheckReferral(Seen e, BetweenEvents between)
    {
        var d = e.Data;
        Unknown(d, ["referralId", "service", "urgency", "provider"], e.Fail);
        Code(d, "service", ReferralServices, e.Fail);
        Code(d, "urgency", Urgencies, e.Fail);
        if (d.ContainsKey("provider") && string.IsNullOrEmpty(Str(d, "provider"))) e.Fail("provider is empty");
        if (Uuid(d, "referralId") is not { } referral) e.Fail("referralId is not a UUID");
        else between.ReferralMade(e, referral);
        between.Counselling(e, e.Subject);
    }

    private static void CheckReferralClosure(Seen e, BetweenEvents between)
    {
        var d = e.Data;
        Unknown(d, ["referralId", "outcome"], e.Fail);
        Code(d, "outcome", Outcomes, e.Fail);
        if (Uuid(d, "referralId") is not { } referral) e.Fail("referralId is not a UUID");
        else between.ReferralClosed(e, referral);
        between.Counselling(e, e.Subject);
    }

    private static void Duration(JsonObject d, Action<string> fail)
    {
        if (Int(d, "durationMinutes") is not (>= 5 and <= 480)) fail("durationMinutes is not 5–480");
    }

    /// <summary>The <c>participants</c> list: <paramref name="min"/>–<paramref name="max"/> distinct returnee UUIDs.</summary>
    private static List<Guid> Participants(JsonObject d, int min, int max, Action<string> fail)
    {
        if (Uuids(d["participants"]) is not { } participants)
        {
            fail("participants is not a list of UUIDs");
            return [];
        }

        if (participants.Count < min || participants.Count > max) fail($"participants are not {min}–{max}");
        if (participants.Distinct().Count() != participants.Count) fail("a participant is named twice");
        return participants;
    }
}
