using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text;

namespace Reintegration.IntegrationTests.Support;

/// <summary>CloudEvents as a partner system would post them, valid unless a test changes them.</summary>
public static class PartnerEvents
{
    public const string Source = "urn:partner:ngo-field-app";
    private static int _sequence;

    public static string NextId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}";

    public static JsonObject Envelope(string type, Guid subject, JsonObject data, string? id = null, DateTimeOffset? time = null) => new()
    {
        ["specversion"] = "1.0",
        ["id"] = id ?? NextId("evt"),
        ["source"] = Source,
        ["type"] = type,
        ["subject"] = subject.ToString(),
        ["time"] = (time ?? new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ["datacontenttype"] = "application/json",
        ["data"] = data,
    };

    public static JsonObject Registration(Guid returnee, string sex = "female", string region = "bamako", int age = 24,
        bool counselling = true, string? partnerReference = null, string? id = null, DateTimeOffset? time = null) =>
        Envelope("reintegration.intake.returnee-registered.v1", returnee, new JsonObject
        {
            ["partnerReference"] = partnerReference ?? $"NGO-{returnee.ToString()[..8]}",
            ["givenName"] = "Awa",
            ["familyName"] = "Traoré",
            ["sex"] = sex,
            ["age"] = age,
            ["phone"] = "+22370123456",
            ["region"] = region,
            ["commune"] = "Commune IV",
            ["returnedFrom"] = "LY",
            ["arrivalDate"] = "2026-02-10",
            ["returnType"] = "assisted-voluntary",
            ["consent"] = new JsonObject
            {
                ["dataProcessing"] = true, ["counselling"] = counselling, ["followUpContact"] = true, ["dataSharing"] = new JsonArray(),
            },
        }, id, time);

    public static JsonObject Session(Guid returnee, string intervention = "basic-counselling", string? id = null, DateTimeOffset? time = null) =>
        Envelope("reintegration.counselling.session-held.v1", returnee, new JsonObject
        {
            ["format"] = "individual",
            ["modality"] = "in-person",
            ["intervention"] = intervention,
            ["durationMinutes"] = 50,
            ["counsellor"] = "counsellor-07",
        }, id, time ?? new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero));

    public static JsonObject AwarenessEvent(Guid eventId, string region = "kita", int women = 12, int men = 20, int girls = 3, int boys = 5,
        string kind = "community-dialogue", string? id = null, params Guid[] returnees) =>
        Envelope("reintegration.training.awareness-event-held.v1", eventId, new JsonObject
        {
            ["kind"] = kind,
            ["region"] = region,
            ["reached"] = new JsonObject { ["women"] = women, ["men"] = men, ["girls"] = girls, ["boys"] = boys },
            ["returneeParticipants"] = new JsonArray(returnees.Select(r => (JsonNode)r.ToString()).ToArray()),
        }, id, new DateTimeOffset(2026, 4, 1, 15, 0, 0, TimeSpan.Zero));

    /// <summary>A training of <paramref name="course"/>; each worker given completes it unless listed in <paramref name="notCompleted"/>.</summary>
    public static JsonObject TrainingReport(Guid trainingId, IEnumerable<Guid> workers, string course = "psychological-first-aid", string region = "kayes",
        string organisation = "CSCOM Kayes N'Di", string role = "social-worker", string? id = null, IReadOnlyCollection<Guid>? notCompleted = null) =>
        Envelope("reintegration.training.training-delivered.v1", trainingId, new JsonObject
        {
            ["course"] = course,
            ["startDate"] = "2026-03-02",
            ["endDate"] = "2026-03-04",
            ["region"] = region,
            ["trainer"] = "trainer-kayes-02",
            ["participants"] = new JsonArray(workers.Select(w => (JsonNode)new JsonObject
            {
                ["workerId"] = w.ToString(), ["sex"] = "female", ["role"] = role, ["organisation"] = organisation,
                ["preTestScore"] = 40, ["postTestScore"] = 75, ["completed"] = notCompleted?.Contains(w) != true,
            }).ToArray()),
        }, id, new DateTimeOffset(2026, 3, 4, 16, 0, 0, TimeSpan.Zero));

    public static JsonObject Certification(Guid worker, Guid trainingId, string course = "psychological-first-aid", string? id = null) =>
        Envelope("reintegration.training.worker-certified.v1", worker, new JsonObject
        {
            ["course"] = course, ["trainingId"] = trainingId.ToString(),
        }, id, new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));

    public static JsonObject Workshop(Guid workshopId, IEnumerable<Guid> returnees, string kind = "livelihood-skills", string region = "segou",
        string? id = null, DateTimeOffset? time = null) =>
        Envelope("reintegration.training.workshop-held.v1", workshopId, new JsonObject
        {
            ["kind"] = kind,
            ["region"] = region,
            ["facilitator"] = "facilitator-segou-01",
            ["participants"] = new JsonArray(returnees.Select(r => (JsonNode)r.ToString()).ToArray()),
        }, id, time ?? new DateTimeOffset(2026, 4, 8, 10, 0, 0, TimeSpan.Zero));

    public static HttpContent Single(JsonObject cloudEvent) => Content(cloudEvent.ToJsonString(), "application/cloudevents+json");

    public static HttpContent Batch(params JsonObject[] events) =>
        Content(new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()).ToJsonString(), "application/cloudevents-batch+json");

    /// <summary>
    /// The event in CloudEvents binary mode: its attributes as ce- headers, percent-encoded as the
    /// HTTP binding says, its data as the application/json body (as most SDKs send by default).
    /// </summary>
    public static HttpContent Binary(JsonObject cloudEvent)
    {
        var content = Content(cloudEvent["data"]?.ToJsonString() ?? "", (string?)cloudEvent["datacontenttype"] ?? "application/json");
        foreach (var (name, value) in cloudEvent)
        {
            if (name is "data" or "datacontenttype" || value is null) continue;
            content.Headers.TryAddWithoutValidation($"ce-{name}", PercentEncoded(value.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)value! : value.ToJsonString()));
        }

        return content;
    }

    /// <summary>CloudEvents HTTP binding 3.1.3.2: space, '"', '%' and all but printable ASCII as %XX of their UTF-8 bytes.</summary>
    public static string PercentEncoded(string value)
    {
        var encoded = new StringBuilder();
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is >= 0x21 and <= 0x7e and not '"' and not '%') encoded.Append((char)rune.Value);
            else
            {
                foreach (var b in utf8[..rune.EncodeToUtf8(utf8)]) encoded.Append('%').Append(b.ToString("X2"));
            }
        }

        return encoded.ToString();
    }

    public static HttpContent Content(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
