using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Intake;

/// <summary>Each case type through both doors, the case view, idempotent desk writes and desk search, against real PostgreSQL.</summary>
public sealed class CaseDoorsTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private readonly HttpClient _intake = fixture.System.Intake.CreateClient();

    public static TheoryData<string, string, string> Types => new()
    {
        { "consent-updated", "consent", """{"counselling": false, "followUpContact": false}""" },
        { "vulnerability-screened", "screenings", """{"vulnerabilities": ["disability"], "urgentCareNeeded": false}""" },
        { "reintegration-plan-agreed", "plans", """{"goals": [{"dimension": "social", "description": "Join the youth association"}]}""" },
        { "sustainability-survey-recorded", "surveys", """{"economic": 0.2, "social": 0.4, "psychosocial": 0.6, "composite": 0.4}""" },
        { "case-closed", "closure", """{"reason": "support-completed"}""" },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Each_type_is_taken_as_a_partner_cloud_event_and_at_the_desk(string type, string path, string data)
    {
        var returnee = await RegisterAsync();
        var partner = await _intake.PostAsync("/events", Single(Envelope($"reintegration.intake.{type}.v1", returnee, Parse(data),
            time: new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero))));
        Assert.Equal(HttpStatusCode.Accepted, partner.StatusCode);

        var other = await RegisterAsync();
        var desk = await _intake.PostAsync($"/returnees/{other}/{path}", Json(data));
        Assert.True(desk.StatusCode == HttpStatusCode.OK, await desk.Content.ReadAsStringAsync());
        var view = (await desk.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(other.ToString(), (string?)view["id"]);
        Assert.Equal("identifying", (string?)view["disclosure"]);
    }

    [Fact]
    public async Task A_reopening_is_taken_at_both_doors()
    {
        var returnee = await RegisterAsync();
        await _intake.PostAsync("/events", Single(Envelope("reintegration.intake.case-closed.v1", returnee, Parse("""{"reason": "left-area"}"""),
            time: new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero))));
        var partner = await _intake.PostAsync("/events", Single(Envelope("reintegration.intake.case-reopened.v1", returnee, Parse("""{"reason": "Came back"}"""),
            time: new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero))));
        Assert.Equal(HttpStatusCode.Accepted, partner.StatusCode);

        var other = await RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await _intake.PostAsync($"/returnees/{other}/closure", Json("""{"reason": "left-area"}"""))).StatusCode);
        var desk = await _intake.PostAsync($"/returnees/{other}/reopening", Json("""{"reason": "Came back"}"""));
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        Assert.Equal("open", (string?)(await desk.Content.ReadFromJsonAsync<JsonObject>())!["case"]!["status"]);
    }

    [Fact]
    public async Task The_case_view_shows_status_consent_latest_screening_plan_and_survey()
    {
        var returnee = await RegisterAsync();
        await Post("vulnerability-screened", returnee, """{"vulnerabilities": ["disability"], "urgentCareNeeded": true}""", 6);
        await Post("vulnerability-screened", returnee, """{"vulnerabilities": ["single-parent"], "urgentCareNeeded": false}""", 4); // late, older
        await Post("reintegration-plan-agreed", returnee, """{"goals": [{"dimension": "economic", "description": "Open a shop"}]}""", 5);
        await Post("sustainability-survey-recorded", returnee, """{"economic": 0.2, "social": 0.4, "psychosocial": 0.6, "composite": 0.4}""", 7);
        await Post("consent-updated", returnee, """{"counselling": false}""", 7);
        await Post("case-closed", returnee, """{"reason": "support-completed"}""", 8);

        var view = (await _intake.GetFromJsonAsync<JsonObject>($"/returnees/{returnee}"))!;

        var @case = view["case"]!;
        Assert.Equal("closed", (string?)@case["status"]);
        Assert.Equal("support-completed", (string?)@case["closure"]!["reason"]);
        Assert.Equal(["disability"], @case["screening"]!["vulnerabilities"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("Open a shop", (string?)@case["plan"]!["goals"]![0]!["description"]);
        Assert.Equal(0.4m, (decimal)@case["survey"]!["composite"]!);
        Assert.False((bool)view["profile"]!["consent"]!["counselling"]!);

        // Activity dated after the closure: refused; dated before: a late sync, accepted.
        var after = await Post("sustainability-survey-recorded", returnee, """{"economic": 1, "social": 1, "psychosocial": 1, "composite": 1}""", 9, expect: null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, after.StatusCode);
        Assert.Contains("state-forbids", await after.Content.ReadAsStringAsync());
        await Post("sustainability-survey-recorded", returnee, """{"economic": 1, "social": 1, "psychosocial": 1, "composite": 1}""", 3);
    }

    [Fact]
    public async Task An_update_for_a_returnee_not_registered_is_a_422_the_partner_can_act_on()
    {
        var response = await _intake.PostAsync("/events", Single(Envelope("reintegration.intake.case-closed.v1", Guid.NewGuid(), Parse("""{"reason": "deceased"}"""))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("urn:reintegration:problem:returnee-not-registered", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["type"]);
    }

    [Fact]
    public async Task A_withdrawal_erases_the_identity_from_the_view_and_refuses_what_follows()
    {
        var returnee = await RegisterAsync();
        var withdrawn = await _intake.PostAsync($"/returnees/{returnee}/consent", Json("""{"dataProcessing": false}"""));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        var view = (await _intake.GetFromJsonAsync<JsonObject>($"/returnees/{returnee}"))!;
        Assert.Equal("pseudonymous", (string?)view["disclosure"]);
        Assert.NotNull(view["case"]!["erasedAt"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _intake.PostAsync($"/returnees/{returnee}/closure", Json("""{"reason": "deceased"}"""))).StatusCode);
    }

    [Fact]
    public async Task A_desk_registration_retried_with_its_idempotency_key_gets_the_first_answer_and_no_second_returnee()
    {
        var data = Registration(Guid.NewGuid())["data"]!.ToJsonString();
        var key = Guid.NewGuid().ToString();
        var before = await fixture.System.EventCountAsync<IntakeService>();

        var first = await _intake.SendAsync(Keyed(HttpMethod.Post, "/returnees", data, key));
        var again = await _intake.SendAsync(Keyed(HttpMethod.Post, "/returnees", data, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await fixture.System.EventCountAsync<IntakeService>());
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_a_422()
    {
        var key = Guid.NewGuid().ToString();
        var returnee = await RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await _intake.SendAsync(Keyed(HttpMethod.Post, $"/returnees/{returnee}/closure", """{"reason": "deceased"}""", key))).StatusCode);

        var other = await _intake.SendAsync(Keyed(HttpMethod.Post, $"/returnees/{returnee}/closure", """{"reason": "left-area"}""", key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("urn:reintegration:problem:idempotency-key-reused", (string?)(await other.Content.ReadFromJsonAsync<JsonObject>())!["type"]);
    }

    [Fact]
    public async Task A_refusal_under_an_idempotency_key_is_answered_again_the_same()
    {
        var key = Guid.NewGuid().ToString();
        var returnee = await RegisterAsync();
        var first = await _intake.SendAsync(Keyed(HttpMethod.Post, $"/returnees/{returnee}/reopening", """{"reason": "x"}""", key));
        var again = await _intake.SendAsync(Keyed(HttpMethod.Post, $"/returnees/{returnee}/reopening", """{"reason": "x"}""", key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal((string?)(await first.Content.ReadFromJsonAsync<JsonObject>())!["detail"], (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
    }

    [Fact]
    public async Task Without_a_key_a_desk_registration_sent_twice_registers_two_returnees()
    {
        var data = Registration(Guid.NewGuid())["data"]!.DeepClone();
        var first = await _intake.PostAsJsonAsync("/returnees", data);
        data["partnerReference"] = $"NGO-{Guid.NewGuid():N}"[..20];
        var second = await _intake.PostAsJsonAsync("/returnees", data);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task Search_filters_by_region_status_vulnerability_and_own_partner_reference_and_pages()
    {
        var region = "menaka";
        var reference = $"REF-{Guid.NewGuid():N}"[..20];
        var open = await RegisterAsync(region, reference);
        var closed = await RegisterAsync(region);
        var third = await RegisterAsync(region);
        await Post("case-closed", closed, """{"reason": "left-area"}""", 5);
        await Post("vulnerability-screened", third, """{"vulnerabilities": ["older-person"], "urgentCareNeeded": false}""", 5);

        var all = await Eventually.UntilAsync(() => Search($"region={region}&pageSize=100"),
            page => Ids(page).Contains(open) && Ids(page).Contains(closed) && Ids(page).Contains(third)
                && page["items"]!.AsArray().Any(i => (string?)i!["status"] == "closed")
                && page["items"]!.AsArray().Any(i => i!["vulnerabilities"]!.AsArray().Count > 0), "the search projection");
        Assert.All(all["items"]!.AsArray(), i => Assert.Null(i!["givenName"]));

        Assert.Contains(closed, Ids(await Search($"region={region}&status=closed&pageSize=100")));
        Assert.DoesNotContain(open, Ids(await Search($"region={region}&status=closed&pageSize=100")));
        Assert.Equal([third], Ids(await Search($"region={region}&vulnerability=older-person&pageSize=100")).Where(i => i == third || i == open || i == closed));
        Assert.Equal([open], Ids(await Search($"partnerReference={reference}")));

        // Another partner's reference is not found by a caller who does not speak for that source.
        using var stranger = fixture.System.Intake.ClientWith(TestTokens.Mint([Reintegration.ServiceDefaults.Access.Scopes.ReturneesRead], ["urn:partner:stranger"]));
        Assert.Empty((await stranger.GetFromJsonAsync<JsonObject>($"/returnees?partnerReference={reference}"))!["items"]!.AsArray());

        var page1 = await Search($"region={region}&pageSize=2&page=1");
        var page2 = await Search($"region={region}&pageSize=2&page=2");
        Assert.True((bool)page1["hasMore"]!);
        Assert.Equal(2, page1["items"]!.AsArray().Count);
        Assert.Empty(Ids(page1).Intersect(Ids(page2)));

        Assert.Equal(HttpStatusCode.BadRequest, (await _intake.GetAsync("/returnees?region=atlantis")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _intake.GetAsync("/returnees?pageSize=1000")).StatusCode);
    }

    private async Task<JsonObject> Search(string query) => (await _intake.GetFromJsonAsync<JsonObject>($"/returnees?{query}"))!;

    private static List<Guid> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)).ToList();

    private async Task<Guid> RegisterAsync(string region = "bamako", string? reference = null)
    {
        var returnee = Guid.NewGuid();
        var response = await _intake.PostAsync("/events", Single(Registration(returnee, region: region, partnerReference: reference)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return returnee;
    }

    private async Task<HttpResponseMessage> Post(string type, Guid returnee, string data, int day, HttpStatusCode? expect = HttpStatusCode.Accepted)
    {
        var response = await _intake.PostAsync("/events", Single(Envelope($"reintegration.intake.{type}.v1", returnee, Parse(data),
            time: new DateTimeOffset(2026, 3, day, 9, 0, 0, TimeSpan.Zero))));
        if (expect is { } status) Assert.True(status == response.StatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static HttpContent Json(string json) => Content(json, "application/json");

    private static HttpRequestMessage Keyed(HttpMethod method, string path, string body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
