using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Contracts;
using Reintegration.Counselling;
using Reintegration.Counselling.Clients;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.EventStore;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.EndToEnd;

/// <summary>
/// Intake's case events (consent changes, screenings, plans, surveys, closures, reopenings,
/// erasure) as Counselling and Reporting learn them over RabbitMQ. Published onto the bus from
/// the test, exactly as Intake's outbox publishes them, so the consumers are tested on their own.
/// </summary>
public sealed class LearningFromIntakeTests(CounsellingAndReportingFixture fixture) : IClassFixture<CounsellingAndReportingFixture>
{
    private readonly HttpClient _counselling = fixture.System.Counselling.CreateClient();

    [Fact]
    public async Task Counselling_refuses_a_session_after_a_closure_it_learned_until_the_reopening_and_accepts_one_dated_before_it()
    {
        var returnee = Guid.NewGuid();
        await fixture.PublishAsync(Registered(returnee, At(3, 1)), new ReturneeCaseClosed(returnee, At(3, 20), "support-completed"));
        await fixture.LearnedAsync(returnee, c => c.RegistrationKnown && c.Closures.Count == 1, "the closure");

        await AssertRefusedAsync(Session(returnee, time: At(3, 25)), returnee);
        Assert.Equal(HttpStatusCode.Accepted, (await _counselling.PostAsync("/events", Single(Session(returnee, time: At(3, 10))))).StatusCode);

        await fixture.PublishAsync(new ReturneeCaseReopened(returnee, At(4, 1)));
        await fixture.LearnedAsync(returnee, c => c.Reopenings.Count == 1, "the reopening");

        Assert.Equal(HttpStatusCode.Accepted, (await _counselling.PostAsync("/events", Single(Session(returnee, time: At(4, 5))))).StatusCode);
        await AssertRefusedAsync(Session(returnee, time: At(3, 26)), returnee);
    }

    [Fact]
    public async Task Counselling_refuses_every_session_once_it_learned_the_erasure()
    {
        var returnee = Guid.NewGuid();
        await fixture.PublishAsync(Registered(returnee, At(3, 1)));
        await fixture.LearnedAsync(returnee, c => c.RegistrationKnown, "the registration");
        Assert.Equal(HttpStatusCode.Accepted, (await _counselling.PostAsync("/events", Single(Session(returnee, time: At(3, 5))))).StatusCode);

        await fixture.PublishAsync(new ReturneeConsentChanged(returnee, At(3, 15), DataProcessing: false, Counselling: false, FollowUpContact: false),
            new ReturneeErased(returnee, At(3, 15)));
        await fixture.LearnedAsync(returnee, c => c.Erased, "the erasure");

        await AssertRefusedAsync(Session(returnee, time: At(3, 20)), returnee);
        await AssertRefusedAsync(Session(returnee, time: At(3, 10)), returnee);
    }

    [Fact]
    public async Task Counselling_follows_the_latest_counselling_consent_by_time_whatever_order_it_learned_them()
    {
        var returnee = Guid.NewGuid();
        await fixture.PublishAsync(Registered(returnee, At(3, 1), counselling: false));
        await fixture.LearnedAsync(returnee, c => c.CounsellingRefused, "the refusal");
        await AssertRefusedAsync(Session(returnee, time: At(3, 12)), returnee);

        // The consent is learned after a withdrawal dated before it.
        await fixture.PublishAsync(new ReturneeConsentChanged(returnee, At(3, 10), DataProcessing: true, Counselling: true, FollowUpContact: true));
        await fixture.LearnedAsync(returnee, c => c.CounsellingConsent == true, "the consent");
        await fixture.PublishAsync(new ReturneeConsentChanged(returnee, At(3, 5), DataProcessing: true, Counselling: false, FollowUpContact: true));
        await Eventually.UntilAsync(() => LearnedFactCountAsync(returnee), n => n == 3, "all three consent facts noted");

        Assert.Equal(HttpStatusCode.Accepted, (await _counselling.PostAsync("/events", Single(Session(returnee, time: At(3, 12))))).StatusCode);
    }

    [Fact]
    public async Task Reporting_shows_every_case_event_in_the_journey_and_still_counts_an_erased_returnee()
    {
        var returnee = Guid.NewGuid();
        await fixture.PublishAsync(
            Registered(returnee, At(7, 1), region: "menaka"),
            new ReturneeConsentChanged(returnee, At(7, 2), DataProcessing: true, Counselling: true, FollowUpContact: false),
            new ReturneeScreened(returnee, At(7, 3), ["survivor-of-trafficking"], UrgentCareNeeded: true),
            new ReintegrationPlanAgreed(returnee, At(7, 4), ["economic", "social"]),
            new CounsellingSessionHeld(Guid.NewGuid(), returnee, At(7, 5), "individual", "phone", "basic-counselling", 45),
            new SustainabilitySurveyRecorded(returnee, At(7, 6), 0.4m, 0.5m, 0.6m, 0.5m),
            new ReturneeCaseClosed(returnee, At(7, 7), "returnee-choice"),
            new ReturneeCaseReopened(returnee, At(7, 8)),
            new ReturneeErased(returnee, At(7, 9)));

        var journey = await Eventually.UntilAsync(() => fixture.JourneyAsync(returnee), j => j?["steps"]?.AsArray().Count == 9, "the whole case in the journey");

        var steps = journey!["steps"]!.AsArray();
        Assert.Equal(
            ["returnee-registered", "consent-updated", "vulnerability-screened", "reintegration-plan-agreed", "session-held",
             "sustainability-survey-recorded", "case-closed", "case-reopened", "personal-data-erased"],
            steps.Select(s => (string?)s!["what"]));
        Assert.Equal("survivor-of-trafficking", (string?)steps[2]!["details"]!["vulnerabilities"]);
        Assert.Equal("economic,social", (string?)steps[3]!["details"]!["dimensions"]);
        Assert.Equal("returnee-choice", (string?)steps[6]!["details"]!["reason"]);
        Assert.True((bool)journey["registered"]!);

        var indicators = await Eventually.UntilAsync(() => fixture.System.IndicatorValuesAsync("?from=2026-07-01&to=2026-07-31&region=menaka"),
            v => v["returnees-registered"] == 1, "the erased returnee to count");
        Assert.Equal(1, indicators["returnees-reached"]);
        Assert.Equal(1, indicators["counselling-sessions"]);
    }

    private static ReturneeRegistered Registered(Guid returnee, DateTimeOffset at, bool counselling = true, string region = "kidal") =>
        new(returnee, at, "female", "25-59", region, "LY", "assisted-voluntary", new DateOnly(2026, 2, 10), counselling);

    private async Task<int> LearnedFactCountAsync(Guid returnee)
    {
        await using var session = fixture.System.Store<CounsellingService>().QuerySession();
        return (await session.Events.FetchStreamAsync(LearnedStreams.For(returnee))).Count(e => e.Data is ConsentNoted or RegistrationNoted);
    }

    /// <summary>Refused as the returnee's state forbids, and nothing of it stored on the returnee's stream.</summary>
    private async Task AssertRefusedAsync(JsonObject session, Guid returnee)
    {
        var before = await SessionCountAsync(returnee);

        var response = await _counselling.PostAsync("/events", Single(session));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("urn:reintegration:problem:state-forbids", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["type"]);
        Assert.Equal(before, await SessionCountAsync(returnee));
    }

    private async Task<int> SessionCountAsync(Guid returnee)
    {
        await using var session = fixture.System.Store<CounsellingService>().QuerySession();
        return (await session.Events.FetchStreamAsync(returnee)).Count;
    }

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.Zero);
}
