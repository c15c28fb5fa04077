using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Reintegration.Counselling.Clients;
using Reintegration.Counselling;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.Reporting;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.EndToEnd;

/// <summary>Order across services is not guaranteed: what arrives early waits for the registration, and a refusal is respected once known.</summary>
public sealed class JourneyAndConsentTests(JourneyAndConsentTests.Fixture fixture) : IClassFixture<JourneyAndConsentTests.Fixture>
{
    public sealed class Fixture : SystemFixture
    {
        protected override Task StartedAsync(TestSystem system) => system.WaitUntilReadyAsync<Reporting.ReportingService>();
    }

    private readonly HttpClient _intake = fixture.System.Intake.CreateClient();
    private readonly HttpClient _counselling = fixture.System.Counselling.CreateClient();
    private readonly HttpClient _reporting = fixture.System.Reporting.CreateClient();

    [Fact]
    public async Task Sessions_posted_before_the_registration_join_the_journey_and_count_once_it_arrives()
    {
        var returnee = Guid.NewGuid();
        var sessions = new[] { Session(returnee, time: At(3, 9)), Session(returnee, "follow-up", time: At(3, 20)) };
        Assert.Equal(HttpStatusCode.OK, (await _counselling.PostAsync("/events", Batch(sessions))).StatusCode);

        var early = await Eventually.UntilAsync(() => Journey(returnee), j => j?["steps"]?.AsArray().Count == 2, "the sessions to reach the journey");
        Assert.False((bool)early!["registered"]!);
        var before = await fixture.System.IndicatorValuesAsync($"?from=2026-03-01&to=2026-03-31&region=segou");
        Assert.Equal(0, before["counselling-sessions"]);

        (await _intake.PostAsync("/events", Single(Registration(returnee, region: "segou", time: At(3, 2))))).EnsureSuccessStatusCode();

        var after = await Eventually.UntilAsync(() => fixture.System.IndicatorValuesAsync("?from=2026-03-01&to=2026-03-31&region=segou"),
            v => v["counselling-sessions"] == 2, "the early sessions to count once the registration arrived");
        Assert.Equal(1, after["returnees-reached"]);
        Assert.Equal(1, after["returnees-registered"]);
    }

    [Fact]
    public async Task The_journey_is_in_order_of_time_without_names_or_contact_details()
    {
        var returnee = Guid.NewGuid();
        (await _counselling.PostAsync("/events", Single(Session(returnee, "follow-up", time: At(5, 20))))).EnsureSuccessStatusCode();
        (await _intake.PostAsync("/events", Single(Registration(returnee, time: At(5, 1))))).EnsureSuccessStatusCode();
        (await _counselling.PostAsync("/events", Single(Session(returnee, "psychological-first-aid", time: At(5, 2))))).EnsureSuccessStatusCode();

        var journey = await Eventually.UntilAsync(() => Journey(returnee), j => j?["steps"]?.AsArray().Count == 3, "the whole journey");

        var steps = journey!["steps"]!.AsArray();
        Assert.Equal(["returnee-registered", "session-held", "session-held"], steps.Select(s => (string?)s!["what"]));
        Assert.Equal("psychological-first-aid", (string?)steps[1]!["details"]!["intervention"]);
        Assert.True((bool)journey["registered"]!);
        var text = journey.ToJsonString();
        Assert.DoesNotContain("Awa", text);
        Assert.DoesNotContain("Traoré", text);
        Assert.DoesNotContain("+22370123456", text);
        Assert.DoesNotContain("Commune IV", text);
    }

    [Fact]
    public async Task Counselling_refuses_a_session_once_it_knows_counselling_was_refused()
    {
        var returnee = Guid.NewGuid();
        (await _intake.PostAsync("/events", Single(Registration(returnee, counselling: false)))).EnsureSuccessStatusCode();
        await Eventually.UntilAsync(async () =>
            {
                await using var session = fixture.System.Store<CounsellingService>().QuerySession();
                return await StreamStates.FoldAsync<CounsellingClient>(session, LearnedStreams.For(returnee), CancellationToken.None);
            }, c => c?.CounsellingConsent == false, "Counselling to learn the refusal from Intake");
        var before = await fixture.System.EventCountAsync<CounsellingService>();

        var response = await _counselling.PostAsync("/events", Single(Session(returnee)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("urn:reintegration:problem:state-forbids", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["type"]);
        Assert.Equal(before, await fixture.System.EventCountAsync<CounsellingService>());
    }

    [Fact]
    public async Task An_unknown_returnee_has_no_journey()
    {
        var response = await _reporting.GetAsync($"/returnees/{Guid.NewGuid()}/journey");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonObject?> Journey(Guid returnee)
    {
        var response = await _reporting.GetAsync($"/returnees/{returnee}/journey");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.Zero);
}
