using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Privacy;
using Reintegration.Training;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Privacy;

/// <summary>
/// The proof of erasure: a returnee with distinctive details is registered, counselled and read
/// at the desk, then withdraws consent to data processing. Afterwards no table of any schema,
/// no log line and no queued message holds any of their identifying values, in plain text or in
/// any encoding the code uses; and they still count.
/// </summary>
public sealed class ErasureLeavesNothingTests : IAsyncLifetime
{
    private const string GivenName = "Zaneliyah";
    private const string FamilyName = "Quorvandé";
    private const string Phone = "+22379913377";
    private const string DateOfBirth = "1998-07-29";
    private const string PartnerReference = "SCAN-Q7Z4-REF";
    private const string Commune = "Commune-Xyloba";

    private readonly CapturedLogs _logs = new();
    private TestSystem _system = null!;

    public async Task InitializeAsync()
    {
        _system = await TestSystem.CreateAsync(new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Debug", ["Logging:LogLevel:Marten"] = "Debug" });
        void Capture(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_logs);
        _system.Host<IntakeService>(Capture);
        _system.Host<CounsellingService>(Capture);
        _system.Host<TrainingService>(Capture);
        _system.Host<ReportingService>(Capture);
    }

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task After_withdrawal_nothing_identifying_remains_anywhere_and_the_returnee_still_counts()
    {
        var returnee = Guid.NewGuid();
        using var intake = _system.Intake.CreateClient();
        using var counselling = _system.Counselling.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Single(DistinctiveRegistration(returnee)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await counselling.PostAsync("/events", Batch(Session(returnee), Session(returnee, "follow-up")))).StatusCode);
        var read = await intake.GetFromJsonAsync<JsonObject>($"/returnees/{returnee}");
        Assert.Equal(GivenName, (string?)read!["identity"]!["givenName"]);
        await Eventually.UntilAsync(() => _system.IndicatorValuesAsync(), v => v["returnees-reached"] == 1, "Reporting to count the returnee");

        var withdrawal = Envelope("reintegration.intake.consent-updated.v1", returnee, new JsonObject { ["dataProcessing"] = false },
            time: new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Single(withdrawal))).StatusCode);

        var afterwards = await intake.GetFromJsonAsync<JsonObject>($"/returnees/{returnee}");
        Assert.Null(afterwards!["identity"]);
        await Eventually.UntilAsync(async () => (await counselling.PostAsync("/events", Single(Session(returnee)))).StatusCode,
            status => status == HttpStatusCode.UnprocessableEntity, "Counselling to refuse sessions once it knows of the erasure");
        await _system.WaitUntilPublishedAsync<IntakeService>();
        await _system.WaitUntilPublishedAsync<CounsellingService>();
        await Eventually.UntilAsync(() => _system.Reporting.CreateClient().GetFromJsonAsync<JsonObject>($"/returnees/{returnee}/journey"),
            j => j!.ToJsonString().Contains("erased"), "Reporting to record the erasure");

        var found = new List<string>();
        foreach (var (table, row) in await _system.Backend.AllRowsAsync()) found.AddRange(Findings($"table {table}", row));
        foreach (var line in _logs.Lines) found.AddRange(Findings("log", line));
        foreach (var (queue, body) in await _system.Backend.QueuedMessagesAsync()) found.AddRange(Findings($"queue {queue}", body));
        Assert.True(found.Count == 0, string.Join("\n", found.Take(20)));

        // The sealed identity is still in the event, and no key the database holds opens it.
        var seal = JsonSerializer.Deserialize<Sealed>(await _system.Backend.ScalarAsync<string>(
            $"select (data->'identity')::text from intake.mt_events where stream_id = '{returnee}' and type = 'returnee_registered'"), JsonDefaults.Web)!;
        var keys = await _system.Backend.ScalarAsync<string[]>("select coalesce(array_agg(data->>'key') filter (where data->>'key' is not null), '{}') from intake.mt_doc_personaldatakey");
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Null(Seal.Open<JsonObject>(seal, Convert.FromBase64String(key))));
        Assert.Equal("null", await _system.Backend.ScalarAsync<string>($"select coalesce(data->>'key', 'null') from intake.mt_doc_personaldatakey where id = '{returnee}'"));

        var counts = await _system.IndicatorValuesAsync();
        Assert.Equal(1, counts["returnees-registered"]);
        Assert.Equal(1, counts["returnees-reached"]);
    }

    /// <summary>Each identifying value, in every form it could take in storage: plain, JSON-escaped, base64, hex, lower case.</summary>
    private static IEnumerable<string> Findings(string where, string text)
    {
        foreach (var value in new[] { GivenName, FamilyName, Phone, DateOfBirth, PartnerReference, Commune })
        foreach (var form in Forms(value))
            if (text.Contains(form, StringComparison.OrdinalIgnoreCase))
                yield return $"{where} holds '{value}' as '{form}': {text[..Math.Min(text.Length, 300)]}";
    }

    private static IEnumerable<string> Forms(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        yield return value;
        yield return JsonSerializer.Serialize(value).Trim('"');
        yield return Convert.ToBase64String(bytes);
        yield return Convert.ToHexString(bytes);
        yield return value.Replace("é", "e");
    }

    private static JsonObject DistinctiveRegistration(Guid returnee)
    {
        var registration = Registration(returnee, partnerReference: PartnerReference);
        var data = registration["data"]!.AsObject();
        data["givenName"] = GivenName;
        data["familyName"] = FamilyName;
        data["phone"] = Phone;
        data.Remove("age");
        data["dateOfBirth"] = DateOfBirth;
        data["commune"] = Commune;
        return registration;
    }
}
