using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reintegration.PartnerSimulator.CloudEvents;

/// <summary>
/// Checks generated events against the catalogue's rules, reading the wire JSON rather than the
/// facts, so that a generator bug shows here before a service rejects it. Not a validator for
/// the services: it covers only the three types the simulator sends.
/// </summary>
public static partial class ContractCheck
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    private static readonly HashSet<string> Sexes = ["female", "male"];
    private static readonly HashSet<string> ReturnTypes = ["assisted-voluntary", "humanitarian-evacuation", "spontaneous", "forced"];
    private static readonly HashSet<string> Formats = ["individual", "family"];
    private static readonly HashSet<string> Modalities = ["in-person", "phone", "video"];
    private static readonly HashSet<string> Interventions =
        ["psychological-first-aid", "basic-counselling", "structured-psychological-intervention", "follow-up", "specialised-care"];
    private static readonly HashSet<string> AwarenessKinds =
        ["care-campaign", "information-session", "community-dialogue", "radio-broadcast", "school-session"];
    private static readonly HashSet<string> Regions = [.. Codes.Regions];

    private static readonly HashSet<string> RegistrationFields =
    [
        "partnerReference", "givenName", "familyName", "sex", "dateOfBirth", "age", "phone", "region", "commune",
        "returnedFrom", "arrivalDate", "returnType", "consent",
    ];
    private static readonly HashSet<string> SessionFields = ["format", "modality", "intervention", "durationMinutes", "counsellor"];
    private static readonly HashSet<string> AwarenessFields = ["kind", "region", "commune", "reached", "returneeParticipants"];

    /// <summary>Every rule broken, as "event id: problem" lines; empty when all events pass.</summary>
    /// <param name="now">The clock to judge "at most 5 minutes in the future" by.</param>
    public static IReadOnlyList<string> Problems(IEnumerable<PartnerEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var problems = new List<string>();
        var ids = new HashSet<(string Source, string Id)>();
        var references = new HashSet<(string Source, string Reference)>();
        var counsellingConsent = new Dictionary<string, bool>(); // returnee subject → consent.counselling
        var sessionSubjects = new List<(string EventId, string Subject)>();

        foreach (var partnerEvent in events)
        {
            var e = partnerEvent.ToJsonObject();
            var id = Str(e, "id") ?? "(no id)";
            void Fail(string problem) => problems.Add($"{id}: {problem}");

            CheckEnvelope(e, now, ids, Fail);
            if (e["data"] is not JsonObject data)
            {
                Fail("data is not an object");
                continue;
            }

            var source = Str(e, "source") ?? "";
            var time = Time(e);
            switch (Str(e, "type"))
            {
                case EventTypes.ReturneeRegistered:
                    CheckRegistration(data, source, time, references, Fail);
                    if (data["consent"]?["counselling"] is JsonValue c && c.TryGetValue<bool>(out var consent))
                        counsellingConsent[Str(e, "subject") ?? ""] = consent;
                    break;
                case EventTypes.SessionHeld:
                    CheckSession(data, Fail);
                    sessionSubjects.Add((id, Str(e, "subject") ?? ""));
                    break;
                case EventTypes.AwarenessEventHeld:
                    CheckAwarenessEvent(data, Fail);
                    break;
            }
        }

        // Sessions for returnees who refused counselling would be rejected by Counselling.
        foreach (var (eventId, subject) in sessionSubjects)
        {
            if (!counsellingConsent.TryGetValue(subject, out var consent))
                problems.Add($"{eventId}: session for a returnee never registered");
            else if (!consent)
                problems.Add($"{eventId}: session for a returnee who refused counselling");
        }

        return problems;
    }

    private static void CheckEnvelope(JsonObject e, DateTimeOffset now, HashSet<(string, string)> ids, Action<string> fail)
    {
        if (Str(e, "specversion") != "1.0") fail("specversion is not \"1.0\"");
        var id = Str(e, "id");
        if (id is null || id.Length is < 1 or > 128) fail("id is not 1–128 characters");
        var source = Str(e, "source");
        if (string.IsNullOrEmpty(source) || !Uri.TryCreate(source, UriKind.RelativeOrAbsolute, out _)) fail("source is not a URI reference");
        else if (!PartnerSources.Posting.Contains(source)) fail($"source '{source}' is not in PartnerSources.Posting, so the simulator's token would not speak for it");
        if (id is not null && source is not null && !ids.Add((source, id))) fail("id is not unique for its source");
        if (Str(e, "type") is not (EventTypes.ReturneeRegistered or EventTypes.SessionHeld or EventTypes.AwarenessEventHeld))
            fail($"unknown type {Str(e, "type")}");
        if (!Guid.TryParseExact(Str(e, "subject"), "D", out _)) fail("subject is not a UUID");
        if (Time(e) is not { } time) fail("time is not RFC 3339");
        else if (time > now + FutureTolerance) fail($"time {time:O} is more than 5 minutes in the future");
        if (e["datacontenttype"] is not null && Str(e, "datacontenttype") != "application/json")
            fail("datacontenttype is not application/json");
    }

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

    private static void CheckSession(JsonObject d, Action<string> fail)
    {
        Unknown(d, SessionFields, fail);
        Code(d, "format", Formats, fail);
        Code(d, "modality", Modalities, fail);
        Code(d, "intervention", Interventions, fail);
        if (Int(d, "durationMinutes") is not (>= 5 and <= 480)) fail("durationMinutes is not 5–480");
        Length(Str(d, "counsellor"), 1, 64, "counsellor", fail);
    }

    private static void CheckAwarenessEvent(JsonObject d, Action<string> fail)
    {
        Unknown(d, AwarenessFields, fail);
        Code(d, "kind", AwarenessKinds, fail);
        Code(d, "region", Regions, fail);
        if (d.ContainsKey("commune") && string.IsNullOrEmpty(Str(d, "commune"))) fail("commune is empty");
        if (d["reached"] is not JsonObject reached) fail("reached is missing");
        else
        {
            var counts = new[] { "women", "men", "girls", "boys" }.Select(k => Int(reached, k)).ToArray();
            if (counts.Any(c => c is not >= 0)) fail("reached counts are not integers ≥ 0");
            else if (counts.Sum() < 1) fail("reached adds up to less than 1");
            if (reached.Count != 4) fail("reached has other fields than women, men, girls, boys");
        }

        if (d["returneeParticipants"] is { } participants &&
            (participants is not JsonArray list ||
             list.Any(p => p is not JsonValue v || !v.TryGetValue<string>(out var s) || !Guid.TryParseExact(s, "D", out _))))
            fail("returneeParticipants is not a list of UUIDs");
    }

    private static void Unknown(JsonObject data, HashSet<string> allowed, Action<string> fail)
    {
        foreach (var (name, _) in data)
            if (!allowed.Contains(name)) fail($"data has a field the catalogue does not name: {name}");
    }

    private static void Code(JsonObject d, string name, HashSet<string> codes, Action<string> fail)
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
