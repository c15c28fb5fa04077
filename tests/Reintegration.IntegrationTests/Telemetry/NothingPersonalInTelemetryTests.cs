using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.Training;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Telemetry;

/// <summary>
/// Traffic carrying distinctive personal values (names, phone, date of birth, commune, partner
/// reference, a plan's goal, a group session's topic) through all four services, accepted,
/// rejected and read back at the desk and in Reporting: none of the values appears in any span
/// (names, attributes, events, links, baggage), any metric (names, attributes) or any log record
/// (message, attributes, scopes, exception) that OpenTelemetry exports.
/// </summary>
public sealed class NothingPersonalInTelemetryTests : IAsyncLifetime
{
    private const string GivenName = "Yzolinde";
    private const string FamilyName = "Kwarrabé";
    private const string Phone = "+22379955122";
    private const string DateOfBirth = "1997-11-23";
    private const string PartnerReference = "TELE-K9W3-REF";
    private const string Commune = "Commune-Vrexalo";
    private const string GoalNote = "Reopen the tailoring stall Qbradunt";
    private const string Topic = "Evening circle Wumbrasti";
    private static readonly string[] Personal = [GivenName, FamilyName, Phone, DateOfBirth, PartnerReference, Commune, GoalNote, Topic];

    private readonly TelemetryCapture _telemetry = new();
    private TestSystem _system = null!;

    public async Task InitializeAsync()
    {
        // Everything the code logs, down to Debug (Marten's and MassTransit's included); ASP.NET Core at its configured level (appsettings.json).
        _system = await TestSystem.CreateAsync(new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Debug", ["Logging:LogLevel:Marten"] = "Debug", ["Logging:LogLevel:MassTransit"] = "Debug",
            ["Telemetry:SampleSeconds"] = "1",
        });
        _telemetry.Started(_system.Host<IntakeService>(_telemetry.Capture).Services);
        _telemetry.Started(_system.Host<CounsellingService>(_telemetry.Capture).Services);
        _telemetry.Started(_system.Host<TrainingService>(_telemetry.Capture).Services);
        _telemetry.Started(_system.Host<ReportingService>(_telemetry.Capture).Services);
        await _system.WaitUntilReadyAsync<CounsellingService>();
        await _system.WaitUntilReadyAsync<ReportingService>();
    }

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task No_personal_value_is_in_any_exported_span_metric_or_log_record()
    {
        var returnee = Guid.NewGuid();
        var other = Guid.NewGuid();
        using var intake = _system.Intake.CreateClient();
        using var counselling = _system.Counselling.CreateClient();
        using var training = _system.Training.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync("/events", Batch(
            DistinctiveRegistration(returnee),
            DistinctiveRegistration(Guid.NewGuid(), familyName: FamilyName + new string('x', 100)), // too long: rejected
            Envelope("reintegration.intake." + GivenName, Guid.NewGuid(), new JsonObject { ["givenName"] = GivenName }), // a type no one knows
            Registration(other)))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Single(Envelope("reintegration.intake.reintegration-plan-agreed.v1", returnee,
            new JsonObject { ["goals"] = new JsonArray(new JsonObject { ["dimension"] = "economic", ["description"] = GoalNote }) },
            time: new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero))))).StatusCode);
        var desk = await intake.PostAsync($"/returnees/{other}/plans", JsonContent.Create(JsonNode.Parse(
            $$"""{"goals": [{"dimension": "social", "description": "{{GoalNote}} at the desk"}]}""")));
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        Assert.Equal(GivenName, (string?)(await intake.GetFromJsonAsync<JsonObject>($"/returnees/{returnee}"))!["identity"]!["givenName"]);
        Assert.Equal(HttpStatusCode.OK, (await intake.GetAsync($"/returnees?partnerReference={PartnerReference}")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Binary(DistinctiveRegistration(Guid.NewGuid(), partnerReference: PartnerReference + "-2")))).StatusCode);

        await _system.WaitUntilPublishedAsync<IntakeService>();
        Assert.Equal(HttpStatusCode.OK, (await counselling.PostAsync("/events", Batch(Session(returnee), GroupSession(returnee, other)))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await training.PostAsync("/events", Single(AwarenessEventIn(Commune, returnee)))).StatusCode);

        await Eventually.UntilAsync(() => _system.IndicatorValuesAsync(), v => v.GetValueOrDefault("returnees-registered") == 3 && v.GetValueOrDefault("returnees-reached") >= 1,
            "Reporting to count the registrations and the counselling");
        await _system.WaitUntilPublishedAsync<CounsellingService>();
        await _system.WaitUntilPublishedAsync<TrainingService>();
        using var reporting = _system.Reporting.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await reporting.GetAsync($"/returnees/{returnee}/journey")).StatusCode);

        var found = new List<string>();
        var spans = _telemetry.Spans;
        foreach (var span in spans) found.AddRange(Findings("span", TelemetryCapture.Text(span)));
        var metrics = _telemetry.FlushMetrics();
        foreach (var metric in metrics)
            foreach (var point in TelemetryCapture.Points([metric], metric.Name))
                found.AddRange(Findings($"metric {metric.Name}", string.Join(" ", point.Select(t => $"{t.Key}={t.Value}"))));
        var logs = _telemetry.Logs;
        foreach (var log in logs) found.AddRange(Findings("log", log));

        // The capture saw the traffic: a test that looked at nothing would pass too.
        Assert.Contains(spans, s => TelemetryCapture.Text(s).Contains("/returnees", StringComparison.Ordinal));
        Assert.Contains(metrics, m => m.Name == "reintegration.ingestion.events");
        Assert.NotEmpty(logs);
        Assert.True(found.Count == 0, string.Join("\n", found.Distinct().Take(20)));
    }

    /// <summary>Each personal value, in the forms it could take: plain, JSON-escaped, URL-encoded, base64, hex, without accents.</summary>
    private static IEnumerable<string> Findings(string where, string text)
    {
        foreach (var value in Personal)
            foreach (var form in Forms(value))
                if (text.Contains(form, StringComparison.OrdinalIgnoreCase))
                    yield return $"{where} holds '{value}' as '{form}': {text[..Math.Min(text.Length, 400)]}";
    }

    private static IEnumerable<string> Forms(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        yield return value;
        yield return JsonSerializer.Serialize(value).Trim('"');
        yield return Uri.EscapeDataString(value);
        yield return Convert.ToBase64String(bytes);
        yield return Convert.ToHexString(bytes);
        yield return value.Replace("é", "e");
    }

    private static JsonObject DistinctiveRegistration(Guid returnee, string familyName = FamilyName, string partnerReference = PartnerReference)
    {
        var registration = Registration(returnee, partnerReference: partnerReference);
        var data = registration["data"]!.AsObject();
        data["givenName"] = GivenName;
        data["familyName"] = familyName;
        data["phone"] = Phone;
        data.Remove("age");
        data["dateOfBirth"] = DateOfBirth;
        data["commune"] = Commune;
        return registration;
    }

    private static JsonObject GroupSession(params Guid[] participants) =>
        Envelope("reintegration.counselling.group-session-held.v1", Guid.NewGuid(), new JsonObject
        {
            ["participants"] = new JsonArray(participants.Select(p => (JsonNode)p.ToString()).ToArray()),
            ["topic"] = Topic, ["facilitator"] = "facilitator-03", ["durationMinutes"] = 90, ["region"] = "bamako",
        }, time: new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.Zero));

    private static JsonObject AwarenessEventIn(string commune, params Guid[] returnees)
    {
        var awareness = AwarenessEvent(Guid.NewGuid(), returnees: returnees);
        awareness["data"]!["commune"] = commune;
        return awareness;
    }
}
