using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.IntegrationTests.Support;
using Reintegration.ServiceDefaults.Access;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Ingestion;

/// <summary>CloudEvents binary content mode on POST /events: the same answers, deduplication and source binding as structured mode.</summary>
public sealed class BinaryContentModeTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private readonly HttpClient _intake = fixture.System.Intake.CreateClient();

    private Task<long> StoredEvents() => fixture.System.EventCountAsync<IntakeService>();

    private static async Task<JsonObject> AssertReceipt(HttpResponseMessage response, HttpStatusCode status, string expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var receipt = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(expected, (string?)receipt["status"]);
        return receipt;
    }

    [Fact]
    public async Task Given_an_event_in_binary_mode_when_posted_then_it_is_accepted_and_the_same_event_in_structured_mode_is_a_duplicate()
    {
        var registration = Registration(Guid.NewGuid());
        var before = await StoredEvents();

        var binary = await _intake.PostAsync("/events", Binary(registration));
        var structured = await _intake.PostAsync("/events", Single(registration));

        var receipt = await AssertReceipt(binary, HttpStatusCode.Accepted, "accepted");
        Assert.Equal((string?)registration["id"], (string?)receipt["id"]);
        Assert.Equal(Source, (string?)receipt["source"]);
        await AssertReceipt(structured, HttpStatusCode.OK, "duplicate");
        Assert.Equal(before + 1, await StoredEvents());
    }

    [Fact]
    public async Task Given_an_event_accepted_in_structured_mode_when_posted_again_in_binary_mode_then_it_is_a_duplicate()
    {
        var registration = Registration(Guid.NewGuid());
        await AssertReceipt(await _intake.PostAsync("/events", Single(registration)), HttpStatusCode.Accepted, "accepted");

        await AssertReceipt(await _intake.PostAsync("/events", Binary(registration)), HttpStatusCode.OK, "duplicate");
    }

    [Fact]
    public async Task Given_attributes_that_need_percent_encoding_when_posted_in_binary_mode_then_they_are_decoded()
    {
        var registration = Registration(Guid.NewGuid(), id: NextId("évènement 100% \"terrain\""));

        var receipt = await AssertReceipt(await _intake.PostAsync("/events", Binary(registration)), HttpStatusCode.Accepted, "accepted");

        Assert.Equal((string?)registration["id"], (string?)receipt["id"]);
        await AssertReceipt(await _intake.PostAsync("/events", Single(registration)), HttpStatusCode.OK, "duplicate");
    }

    [Fact]
    public async Task Given_binary_mode_at_counselling_and_training_when_posted_then_each_accepts()
    {
        using var counselling = fixture.System.Counselling.CreateClient();
        using var training = fixture.System.Training.CreateClient();

        await AssertReceipt(await counselling.PostAsync("/events", Binary(Session(Guid.NewGuid()))), HttpStatusCode.Accepted, "accepted");
        await AssertReceipt(await training.PostAsync("/events", Binary(AwarenessEvent(Guid.NewGuid()))), HttpStatusCode.Accepted, "accepted");
    }

    [Fact]
    public async Task Given_the_same_id_with_other_data_in_binary_mode_when_posted_then_it_is_a_409()
    {
        var registration = Registration(Guid.NewGuid());
        await _intake.PostAsync("/events", Single(registration));
        var changed = registration.DeepClone().AsObject();
        changed["data"]!["age"] = 31;

        await (await _intake.PostAsync("/events", Binary(changed))).AssertProblemAsync(HttpStatusCode.Conflict, "id-reused-with-other-content");
    }

    [Fact]
    public async Task Given_data_that_breaks_a_rule_in_binary_mode_when_posted_then_it_is_a_422_naming_the_field()
    {
        var registration = Registration(Guid.NewGuid());
        registration["data"]!["phone"] = "+22370123456\n";
        var before = await StoredEvents();

        var problem = await (await _intake.PostAsync("/events", Binary(registration))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-data");

        Assert.NotNull(problem["errors"]!["data.phone"]);
        Assert.Equal(before, await StoredEvents());
    }

    [Theory]
    [InlineData("id")]
    [InlineData("source")]
    [InlineData("type")]
    [InlineData("subject")]
    [InlineData("time")]
    public async Task Given_a_required_attribute_header_left_out_when_posted_then_it_is_a_400(string attribute)
    {
        var registration = Registration(Guid.NewGuid());
        registration.Remove(attribute);

        await (await _intake.PostAsync("/events", Binary(registration))).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-envelope");
    }

    [Fact]
    public async Task Given_a_time_more_than_five_minutes_ahead_in_binary_mode_when_posted_then_it_is_a_400_naming_time()
    {
        var problem = await (await _intake.PostAsync("/events", Binary(Registration(Guid.NewGuid(), time: DateTimeOffset.UtcNow.AddMinutes(10)))))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-envelope");

        Assert.NotNull(problem["errors"]!["time"]);
    }

    [Fact]
    public async Task Given_an_invalid_percent_encoding_when_posted_then_it_is_a_400_naming_the_attribute()
    {
        var content = Binary(Registration(Guid.NewGuid()));
        content.Headers.Remove("ce-id");
        content.Headers.TryAddWithoutValidation("ce-id", "evt-%C0%A0");

        var problem = await (await _intake.PostAsync("/events", content)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-envelope");

        Assert.NotNull(problem["errors"]!["id"]);
    }

    [Fact]
    public async Task Given_a_json_body_without_ce_headers_when_posted_then_it_is_a_400_saying_how_to_post()
    {
        var problem = await (await _intake.PostAsync("/events", Content(Registration(Guid.NewGuid()).ToJsonString(), "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-envelope");

        Assert.Contains("ce-", (string?)problem["detail"]);
        Assert.Contains("application/cloudevents+json", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Given_a_body_that_is_not_json_in_binary_mode_when_posted_then_it_is_a_400()
    {
        var content = Binary(Registration(Guid.NewGuid()));
        var notJson = Content("{not json", "application/json");
        foreach (var header in content.Headers.Where(h => h.Key.StartsWith("ce-"))) notJson.Headers.TryAddWithoutValidation(header.Key, header.Value);

        await (await _intake.PostAsync("/events", notJson)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-envelope");
    }

    [Fact]
    public async Task Given_a_source_the_token_does_not_list_in_binary_mode_when_posted_then_it_is_a_403_and_nothing_is_stored()
    {
        using var impostor = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.EventsWrite], ["urn:partner:another-ngo"]));
        var registration = Registration(Guid.NewGuid());
        var events = await StoredEvents();
        var records = await fixture.System.Backend.ScalarAsync<long>("select count(*) from intake.mt_doc_ingestionrecord");

        await (await impostor.PostAsync("/events", Binary(registration))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden-source");

        Assert.Equal(events, await StoredEvents());
        Assert.Equal(records, await fixture.System.Backend.ScalarAsync<long>("select count(*) from intake.mt_doc_ingestionrecord"));
        await AssertReceipt(await _intake.PostAsync("/events", Binary(registration)), HttpStatusCode.Accepted, "accepted");
    }
}
