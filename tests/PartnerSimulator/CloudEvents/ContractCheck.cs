using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reintegration.PartnerSimulator.CloudEvents;

/// <summary>
/// Checks generated events against the catalogue's rules, reading the wire JSON rather than the
/// facts, so that a generator bug shows here before a service rejects it: each type's fields,
/// and the rules between events (a returnee registered before their activity, nothing after a
/// withdrawal, no counselling once refused, nothing while a case is closed, a certification after
/// the training it names, a referral closed after it was made). Not a validator for the services.
/// </summary>
public static partial class ContractCheck
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    private static readonly HashSet<string> Sexes = ["female", "male"];
    private static readonly HashSet<string> Regions = [.. Codes.Regions];
    private static readonly HashSet<string> ReturnTypes = ["assisted-voluntary", "humanitarian-evacuation", "spontaneous", "forced"];

    private static readonly HashSet<string> RegistrationFields =
    [
        "partnerReference", "givenName", "familyName", "sex", "dateOfBirth", "age", "phone", "region", "commune",
        "returnedFrom", "arrivalDate", "returnType", "consent",
    ];

    /// <summary>Every rule broken, as "event id: problem" lines; empty when all events pass.</summary>
    /// <param name="now">The clock to judge "at most 5 minutes in the future" by.</param>
    public static IReadOnlyList<string> Problems(IEnumerable<PartnerEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var problems = new List<string>();
        var ids = new HashSet<(string Source, string Id)>();
        var references = new HashSet<(string Source, string Reference)>();
        var between = new BetweenEvents();

        foreach (var partnerEvent in events)
        {
            var e = partnerEvent.ToJsonObject();
            var id = Str(e, "id") ?? "(no id)";
            void Fail(string problem) => problems.Add($"{id}: {problem}");

            CheckEnvelope(e, now, ids, Fail);
            if (Str(e, "type") is { } type && EventTypes.All.Contains(type) && EventTypes.ServiceOf(type) != partnerEvent.Service)
                Fail($"posted to {partnerEvent.Service}, but {type} belongs to {EventTypes.ServiceOf(type)}");
            if (e["data"] is not JsonObject data)
            {
                Fail("data is not an object");
                continue;
            }

            var source = Str(e, "source") ?? "";
            var subject = Guid.TryParseExact(Str(e, "subject"), "D", out var s) ? s : Guid.Empty;
            var time = Time(e) ?? DateTimeOffset.MinValue;
            var seen = new Seen(id, subject, time, data, Fail);
            switch (Str(e, "type"))
            {
                case EventTypes.ReturneeRegistered:
                    CheckRegistration(data, source, Time(e), references, Fail);
                    between.Registered(seen);
                    break;
                case EventTypes.ConsentUpdated: CheckConsentUpdate(seen, between); break;
                case EventTypes.VulnerabilityScreened: CheckScreening(seen, between); break;
                case EventTypes.PlanAgreed: CheckPlan(seen, between); break;
                case EventTypes.SurveyRecorded: CheckSurvey(seen, between); break;
                case EventTypes.CaseClosed: CheckClosure(seen, between); break;
                case EventTypes.CaseReopened: CheckReopening(seen, between); break;
                case EventTypes.SessionHeld: CheckSession(seen, between); break;
                case EventTypes.GroupSessionHeld: CheckGroupSession(seen, between); break;
                case EventTypes.AssessmentRecorded: CheckAssessment(seen, between); break;
                case EventTypes.ReferralMade: CheckReferral(seen, between); break;
                case EventTypes.ReferralClosed: CheckReferralClosure(seen, between); break;
                case EventTypes.TrainingDelivered: CheckTraining(seen, between); break;
                case EventTypes.WorkerCertified: CheckCertification(seen, between); break;
                case EventTypes.AwarenessEventHeld: CheckAwarenessEvent(seen, between); break;
                case EventTypes.WorkshopHeld: CheckWorkshop(seen, between); break;
            }
        }

        problems.AddRange(between.Problems());
        return problems;
    }

    /// <summary>One event's parts, as the per-type checks need them.</summary>
    private sealed record Seen(string Id, Guid Subject, DateTimeOffset Time, JsonObject Data, Action<string> Fail);

    private static void CheckEnvelope(JsonObject e, DateTimeOffset now, HashSet<(string, string)> ids, Action<string> fail)
    {
        if (Str(e, "specversion") != "1.0") fail("specversion is not \"1.0\"");
        var id = Str(e, "id");
        if (id is null || id.Length is < 1 or > 128) fail("id is not 1–128 characters");
        var source = Str(e, "source");
        if (string.IsNullOrEmpty(source) || !Uri.TryCreate(source, UriKind.RelativeOrAbsolute, out _)) fail("source is not a URI reference");
        else if (!PartnerSources.Posting.Contains(source)) fail($"source '{source}' is not in PartnerSources.Posting, so the simulator's token would not speak for it");
        if (id is not null && source is not null && !ids.Add((source, id))) fail("id is not unique for its source");
        if (Str(e, "type") is not { } type || !EventTypes.All.Contains(type)) fail($"unknown type {Str(e, "type")}");
        if (!Guid.TryParseExact(Str(e, "subject"), "D", out _)) fail("subject is not a UUID");
        if (Time(e) is not { } time) fail("time is not RFC 3339");
        else if (time > now + FutureTolerance) fail($"time {time:O} is more than 5 minutes in the future");
        if (e["datacontenttype"] is not null && Str(e, "datacontenttype") != "application/json")
            fail("datacontenttype is not application/json");
    }

    // The registration is read here in full; the other types' checks are in the partial files by service.
    private static void CheckRegistration(
        JsonObject d, string source, DateTimeOffset? time, HashSet<(string, string)> references, Action<string> fail)
    {
        Unknown(d, RegistrationFields, fail);
        var reference = Str(d, "partnerReference");
        Length(reference, 1, 64, "partnerReference", fail);
        if (reference is not null && !references.Add((source, reference))) fail("partnerReference is not unique for its source");
        Length(Str(d, "givenName"), 1, 100, "givenName", fail);
        Length(Str(d, "familyName"), 1, 100, "familyName", fail);
        Code(d, "sex", Sexes, fail);

        var hasBirth = d.ContainsKey("dateOfBirth");
        if (hasBirth == d.ContainsKey("age")) fail("needs exactly one of dateOfBirth and age");
        if (hasBirth && Date(d, "dateOfBirth") is null) fail("dateOfBirth is not YYYY-MM-DD");
        if (d.ContainsKey("age") && Int(d, "age") is not (>= 0 and <= 120)) fail("age is not 0–120");

        if (d.ContainsKey("phone") && !E164().IsMatch(Str(d, "phone") ?? "")) fail("phone is not E.164");
        Code(d, "region", Regions, fail);
        if (d.ContainsKey("commune") && string.IsNullOrEmpty(Str(d, "commune"))) fail("commune is empty");
        if (!CountryCode().IsMatch(Str(d, "returnedFrom") ?? "") || Str(d, "returnedFrom") == "ML")
            fail("returnedFrom is not an upper-case ISO country other than Mali");

        var arrival = Date(d, "arrivalDate");
        if (arrival is null) fail("arrivalDate is not YYYY-MM-DD");
        else if (time is { } t && arrival > DateOnly.FromDateTime(t.UtcDateTime)) fail("arrivalDate is after time");
        if (hasBirth && Date(d, "dateOfBirth") is { } birth && arrival is { } a && birth > a) fail("dateOfBirth is after arrivalDate");
        Code(d, "returnType", ReturnTypes, fail);

        if (d["consent"] is not JsonObject consent) fail("consent is missing");
        else
        {
            if (Bool(consent, "dataProcessing") != true) fail("consent.dataProcessing is not true");
            if (Bool(consent, "counselling") is null) fail("consent.counselling is not a boolean");
            if (Bool(consent, "followUpContact") is null) fail("consent.followUpContact is not a boolean");
            if (consent["dataSharing"] is not JsonArray sharing || sharing.Any(s => s is not JsonValue v || !v.TryGetValue<string>(out _)))
                fail("consent.dataSharing is not a list of sources");
        }
    }

    private static void Unknown(JsonObject data, IReadOnlyCollection<string> allowed, Action<string> fail)
    {
        foreach (var (name, _) in data)
            if (!allowed.Contains(name)) fail($"data has a field the catalogue does not name: {name}");
    }

    private static void Code(JsonObject d, string name, IReadOnlySet<string> codes, Action<string> fail)
    {
        if (Str(d, name) is not { } code || !codes.Contains(code)) fail($"{name} '{Str(d, name)}' is not a catalogue code");
    }

    private static void Length(string? value, int min, int max, string name, Action<string> fail)
    {
        if (value is null || value.Length < min || value.Length > max) fail($"{name} is not {min}–{max} characters");
    }

    private static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Int(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    private static bool? Bool(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static Guid? Uuid(JsonObject o, string name) => Guid.TryParseExact(Str(o, name), "D", out var g) ? g : null;

    private static decimal? Decimal(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    /// <summary>A list of UUIDs, or null when the field is not one.</summary>
    private static List<Guid>? Uuids(JsonNode? node) =>
        node is JsonArray list && list.All(p => p is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParseExact(s, "D", out _))
            ? [.. list.Select(p => Guid.ParseExact(p!.GetValue<string>(), "D"))]
            : null;

    /// <summary>A list of strings, or null when the field is not one.</summary>
    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray list && list.All(p => p is JsonValue v && v.TryGetValue<string>(out _))
            ? [.. list.Select(p => p!.GetValue<string>())]
            : null;

    private static DateOnly? Date(JsonObject o, string name) =>
        DateOnly.TryParseExact(Str(o, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateTimeOffset? Time(JsonObject e) =>
        Str(e, "time") is { } s && Rfc3339().IsMatch(s) &&
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
