using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Contracts;
using Reintegration.Counselling;
using Reintegration.Counselling.Clients;
using Reintegration.Counselling.GroupSessions;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.EventStore;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Counselling;

/// <summary>
/// Counselling's group sessions, assessments, risk flags and referrals through <c>POST /events</c>,
/// the counsellors' reads, and the journeys Reporting builds of them. Intake's facts are published
/// onto the bus from the test, as Intake's outbox publishes them.
/// </summary>
public sealed class CounsellingActivitiesTests(CounsellingAndReportingFixture fixture) : IClassFixture<CounsellingAndReportingFixture>
{
    private readonly HttpClient _counselling = fixture.System.Counselling.CreateClient();

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Each_type_is_accepted_through_post_events_and_joins_the_journey_in_order()
    {
        var returnee = Guid.NewGuid();
        var other = Guid.NewGuid();
        var referral = Guid.NewGuid();
        var answer = await PostBatchAsync(
            GroupSession(Guid.NewGuid(), At(5, 1), returnee, other),
            Assessment(returnee, Guid.NewGuid(), "who-5", [2, 2, 3, 3, 3], At(5, 2)),
            Referral(returnee, referral, At(5, 3)),
            ReferralClosure(returnee, referral, "service-received", At(5, 20)));
        Assert.Equal(["accepted", "accepted", "accepted", "accepted"], answer.Select(r => (string?)r!["status"]));

        var journey = await Eventually.UntilAsync(() => fixture.JourneyAsync(returnee), j => j?["steps"]?.AsArray().Count == 4, "the four steps in the journey");
        var steps = journey!["steps"]!.AsArray();
        Assert.Equal(["group-session-attended", "assessment-recorded", "referral-made", "referral-closed"], steps.Select(s => (string?)s!["what"]));
        Assert.Equal("52", (string?)steps[1]!["details"]!["score"]);
        Assert.Equal("adequate", (string?)steps[1]!["details"]!["band"]);
        Assert.Equal("service-received", (string?)steps[3]!["details"]!["outcome"]);
        await Eventually.UntilAsync(() => fixture.JourneyAsync(other), j => j?["steps"]?.AsArray().Count == 1, "the group session in the other participant's journey");

        var referrals = await _counselling.GetFromJsonAsync<JsonObject>($"/returnees/{returnee}/referrals");
        var item = referrals!["items"]!.AsArray().Single()!;
        Assert.Equal(("closed", "service-received"), ((string?)item["status"], (string?)item["outcome"]));
    }

    [Fact]
    public async Task The_same_ids_again_are_duplicates_or_conflicts_and_an_unknown_referral_cannot_be_closed()
    {
        var returnee = Guid.NewGuid();
        var assessment = Guid.NewGuid();
        var referral = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Accepted, (await _counselling.PostAsync("/events", Single(Assessment(returnee, assessment, "gad-7", [1, 1, 1, 1, 1, 1, 1], At(5, 2))))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _counselling.PostAsync("/events", Single(Referral(returnee, referral, At(5, 3))))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _counselling.PostAsync("/events", Single(ReferralClosure(returnee, referral, "declined", At(5, 4))))).StatusCode);
        var before = await fixture.System.EventCountAsync<CounsellingService>();

        var sameAssessment = await _counselling.PostAsync("/events", Single(Assessment(returnee, assessment, "gad-7", [1, 1, 1, 1, 1, 1, 1], At(5, 2))));
        var otherResponses = await _counselling.PostAsync("/events", Single(Assessment(returnee, assessment, "gad-7", [3, 1, 1, 1, 1, 1, 1], At(5, 2))));
        var sameOutcome = await _counselling.PostAsync("/events", Single(ReferralClosure(returnee, referral, "declined", At(5, 4))));
        var otherOutcome = await _counselling.PostAsync("/events", Single(ReferralClosure(returnee, referral, "service-received", At(5, 4))));
        var unknown = await _counselling.PostAsync("/events", Single(ReferralClosure(returnee, Guid.NewGuid(), "declined", At(5, 4))));
        var scored = Assessment(returnee, Guid.NewGuid(), "who-5", [1, 1, 1, 1, 1], At(5, 2));
        scored["data"]!["score"] = 20;
        var withScore = await _counselling.PostAsync("/events", Single(scored));

        Assert.Equal(HttpStatusCode.Accepted, sameAssessment.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherResponses.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, sameOutcome.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherOutcome.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withScore.StatusCode);
        Assert.NotNull((await withScore.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["data.score"]);
        Assert.Equal(before, await fixture.System.EventCountAsync<CounsellingService>());
    }

    [Fact]
    public async Task A_group_session_racing_a_withdrawal_is_recorded_whole_or_refused_whole_and_refused_once_the_withdrawal_is_known()
    {
        var stays = Guid.NewGuid();
        var withdraws = Guid.NewGuid();
        await fixture.PublishAsync(Registered(stays, At(4, 1)), Registered(withdraws, At(4, 1)));
        await fixture.LearnedAsync(withdraws, c => c.RegistrationKnown, "the registration");

        // The withdrawal and the session in the same moment: one of the two is first, never half of each.
        var session = Guid.NewGuid();
        var posted = _counselling.PostAsync("/events", Single(GroupSession(session, At(5, 10), stays, withdraws)));
        await fixture.PublishAsync(new ReturneeConsentChanged(withdraws, At(5, 10), DataProcessing: false, Counselling: false, FollowUpContact: false),
            new ReturneeErased(withdraws, At(5, 10)));
        var raced = await posted;
        var stored = await GroupSessionAsync(session);
        if (raced.StatusCode == HttpStatusCode.Accepted) Assert.Equal([stays, withdraws], stored!.Held.Participants);
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, raced.StatusCode);
            Assert.Null(stored);
        }

        // Once the withdrawal is known, the decision reads it for every participant: refused, naming them.
        await fixture.LearnedAsync(withdraws, c => c.Erased, "the erasure");
        var late = Guid.NewGuid();
        var refused = await _counselling.PostAsync("/events", Single(GroupSession(late, At(5, 11), stays, withdraws, Guid.NewGuid())));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("urn:reintegration:problem:state-forbids", (string?)problem["type"]);
        Assert.Equal(["data.participants[1]"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Null(await GroupSessionAsync(late));
    }

    [Fact]
    public async Task A_flag_whose_follow_up_was_synced_first_is_listed_as_followed_up_and_open_flags_oldest_first_by_region()
    {
        var followed = Guid.NewGuid();
        var waiting = Guid.NewGuid();
        var elsewhere = Guid.NewGuid();
        await fixture.PublishAsync(Registered(followed, At(4, 1), region: "menaka"), Registered(waiting, At(4, 1), region: "menaka"),
            Registered(elsewhere, At(4, 1), region: "kidal"));
        await fixture.LearnedAsync(elsewhere, c => c.RegistrationKnown, "the registrations");
        await fixture.LearnedAsync(waiting, c => c.RegistrationKnown, "the registrations");

        // The follow-up session syncs before the assessment that raised the flag.
        var flagged = Guid.NewGuid();
        var answer = await PostBatchAsync(
            Session(followed, "counsellor-07", At(5, 12)),
            Phq9(followed, flagged, item9: 2, At(5, 11)),
            Phq9(waiting, Guid.NewGuid(), item9: 1, At(5, 9)),
            Phq9(elsewhere, Guid.NewGuid(), item9: 3, At(5, 8)));
        Assert.All(answer, r => Assert.Equal("accepted", (string?)r!["status"]));

        var open = await Eventually.UntilAsync(() => FlagsAsync("?region=menaka"), f => f.Count >= 1, "the open flag of menaka");
        Assert.Equal([waiting], open.Select(f => Guid.Parse((string)f!["returneeId"]!)));
        Assert.True((decimal)open[0]!["hoursSinceRaised"]! > 0);

        var done = await Eventually.UntilAsync(() => FlagsAsync("?status=followed-up&region=menaka"), f => f.Count >= 1, "the followed-up flag");
        var flag = done.Single()!;
        Assert.Equal((flagged, At(5, 12)), (Guid.Parse((string)flag["assessmentId"]!), (DateTimeOffset)flag["followedUpAt"]!));

        var everywhere = await FlagsAsync("");
        var mine = everywhere.Where(f => (string?)f!["returneeId"] == waiting.ToString() || (string?)f!["returneeId"] == elsewhere.ToString()).ToList();
        Assert.Equal([elsewhere, waiting], mine.Select(f => Guid.Parse((string)f!["returneeId"]!)));

        var journey = await Eventually.UntilAsync(() => fixture.JourneyAsync(followed), j => j?["steps"]?.AsArray().Count == 5, "the flag and its follow-up in the journey");
        Assert.Equal(["returnee-registered", "assessment-recorded", "risk-flag-raised", "session-held", "risk-flag-followed-up"],
            journey!["steps"]!.AsArray().Select(s => (string?)s!["what"]));
    }

    [Fact]
    public async Task The_caseload_lists_the_counsellors_returnees_of_the_last_90_days_with_open_flags_and_referrals()
    {
        var counsellor = $"counsellor-{Guid.NewGuid():N}"[..30];
        var recent = Guid.NewGuid();
        var old = Guid.NewGuid();
        var referral = Guid.NewGuid();
        var answer = await PostBatchAsync(
            Session(recent, counsellor, Now.AddDays(-3)),
            Phq9(recent, Guid.NewGuid(), item9: 1, Now.AddDays(-2)),
            Referral(recent, referral, Now.AddDays(-2)),
            Session(old, counsellor, Now.AddDays(-120)),
            Session(Guid.NewGuid(), "someone-else", Now.AddDays(-1)));
        Assert.All(answer, r => Assert.Equal("accepted", (string?)r!["status"]));

        var caseload = await Eventually.UntilAsync(async () => (await _counselling.GetFromJsonAsync<JsonObject>($"/counsellors/{counsellor}/caseload"))!,
            c => c["items"]!.AsArray().Count == 1 && c["items"]![0]!["openReferrals"]!.AsArray().Count == 1 && c["items"]![0]!["openFlags"]!.AsArray().Count == 1,
            "the caseload");

        var item = caseload["items"]![0]!;
        Assert.Equal(recent, Guid.Parse((string)item["returneeId"]!));
        Assert.True((bool)item["lastSession"]!["byThisCounsellor"]!);
        Assert.Equal(referral, Guid.Parse((string)item["openReferrals"]![0]!["referralId"]!));
        Assert.False((bool)caseload["hasMore"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await _counselling.GetAsync($"/counsellors/{counsellor}/caseload?pageSize=0")).StatusCode);
    }

    private static JsonObject Session(Guid returnee, string counsellor, DateTimeOffset time)
    {
        var session = Support.PartnerEvents.Session(returnee, time: time);
        session["data"]!["counsellor"] = counsellor;
        return session;
    }

    private static JsonObject GroupSession(Guid session, DateTimeOffset time, params Guid[] participants) =>
        Envelope("reintegration.counselling.group-session-held.v1", session, new JsonObject
        {
            ["participants"] = new JsonArray(participants.Select(p => (JsonNode)p.ToString()).ToArray()),
            ["topic"] = "Living with return", ["facilitator"] = "facilitator-03", ["durationMinutes"] = 120, ["region"] = "gao",
        }, time: time);

    private static JsonObject Assessment(Guid returnee, Guid assessment, string instrument, int[] responses, DateTimeOffset time) =>
        Envelope("reintegration.counselling.assessment-recorded.v1", returnee, new JsonObject
        {
            ["assessmentId"] = assessment.ToString(), ["instrument"] = instrument,
            ["responses"] = new JsonArray(responses.Select(r => (JsonNode)r).ToArray()), ["administeredBy"] = "counsellor-07",
        }, time: time);

    private static JsonObject Phq9(Guid returnee, Guid assessment, int item9, DateTimeOffset time) =>
        Assessment(returnee, assessment, "phq-9", [1, 1, 1, 1, 1, 1, 1, 1, item9], time);

    private static JsonObject Referral(Guid returnee, Guid referral, DateTimeOffset time) =>
        Envelope("reintegration.counselling.referral-made.v1", returnee, new JsonObject
        {
            ["referralId"] = referral.ToString(), ["service"] = "specialised-mental-health", ["urgency"] = "urgent",
        }, time: time);

    private static JsonObject ReferralClosure(Guid returnee, Guid referral, string outcome, DateTimeOffset time) =>
        Envelope("reintegration.counselling.referral-closed.v1", returnee, new JsonObject { ["referralId"] = referral.ToString(), ["outcome"] = outcome }, time: time);

    private static ReturneeRegistered Registered(Guid returnee, DateTimeOffset at, string region = "gao") =>
        new(returnee, at, "male", "18-24", region, "DZ", "humanitarian-evacuation", new DateOnly(2026, 3, 20), CounsellingConsent: true);

    private async Task<JsonArray> PostBatchAsync(params JsonObject[] events)
    {
        var response = await _counselling.PostAsync("/events", Batch(events));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
    }

    private async Task<JsonArray> FlagsAsync(string query) =>
        (await _counselling.GetFromJsonAsync<JsonObject>("/risk-flags" + query))!["items"]!.AsArray();

    private async Task<GroupSession?> GroupSessionAsync(Guid session)
    {
        await using var query = fixture.System.Store<CounsellingService>().QuerySession();
        return await StreamStates.FoldAsync<GroupSession>(query, session, CancellationToken.None);
    }

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.Zero);
}
