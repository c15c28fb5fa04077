using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.IntegrationTests.Support;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Ingestion;

/// <summary>Every answer of the ingestion contract, at Intake, against real PostgreSQL and RabbitMQ.</summary>
public sealed class IntakeIngestionTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private readonly HttpClient _intake = fixture.System.Intake.CreateClient();

    private Task<long> StoredEvents() => fixture.System.EventCountAsync<IntakeService>();

    private Task<long> IngestionRecords() => fixture.System.Backend.ScalarAsync<long>("select count(*) from intake.mt_doc_ingestionrecord");

    [Fact]
    public async Task A_new_event_is_accepted_with_202_and_stored()
    {
        var registration = Registration(Guid.NewGuid());
        var before = await StoredEvents();

        var response = await _intake.PostAsync("/events", Single(registration));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("accepted", (string?)body!["status"]);
        Assert.Equal((string?)registration["id"], (string?)body["id"]);
        Assert.Equal(Source, (string?)body["source"]);
        Assert.Equal(before + 1, await StoredEvents());
    }

    [Fact]
    public async Task The_same_event_again_is_a_duplicate_and_changes_nothing()
    {
        var registration = Registration(Guid.NewGuid());
        await _intake.PostAsync("/events", Single(registration));
        var events = await StoredEvents();
        var records = await IngestionRecords();

        // A retry may reorder keys and change spacing: still the same content.
        var reordered = new JsonObject(registration.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var response = await _intake.PostAsync("/events", Content(reordered.ToJsonString(new() { WriteIndented = true }), "application/cloudevents+json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("duplicate", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(events, await StoredEvents());
        Assert.Equal(records, await IngestionRecords());
    }

    [Fact]
    public async Task The_same_source_and_id_with_other_content_is_a_409()
    {
        var registration = Registration(Guid.NewGuid());
        await _intake.PostAsync("/events", Single(registration));
        var changed = registration.DeepClone().AsObject();
        changed["data"]!["age"] = 31;

        var response = await _intake.PostAsync("/events", Single(changed));

        await AssertProblem(response, HttpStatusCode.Conflict, "id-reused-with-other-content");
    }

    [Fact]
    public async Task A_returnee_registered_again_with_other_details_is_a_409()
    {
        var returnee = Guid.NewGuid();
        await _intake.PostAsync("/events", Single(Registration(returnee, region: "bamako")));

        var response = await _intake.PostAsync("/events", Single(Registration(returnee, region: "kayes")));

        await AssertProblem(response, HttpStatusCode.Conflict, "contradicts-stored-fact");
    }

    [Fact]
    public async Task A_partner_reference_already_used_for_another_returnee_is_a_409()
    {
        var reference = $"NGO-{Guid.NewGuid():N}"[..20];
        await _intake.PostAsync("/events", Single(Registration(Guid.NewGuid(), partnerReference: reference)));
        var before = await StoredEvents();

        var response = await _intake.PostAsync("/events", Single(Registration(Guid.NewGuid(), partnerReference: reference)));

        var problem = await AssertProblem(response, HttpStatusCode.Conflict, "contradicts-stored-fact");
        // The detail names the conflict, not the reference: identifying data is not echoed in problems.
        Assert.Contains("partner reference", (string?)problem["detail"]);
        Assert.DoesNotContain(reference, (string?)problem["detail"]);
        Assert.Equal(before, await StoredEvents());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400()
    {
        var response = await _intake.PostAsync("/events", Content("{not json", "application/cloudevents+json"));
        await AssertProblem(response, HttpStatusCode.BadRequest, "invalid-envelope");
    }

    [Theory]
    [InlineData("source")]
    [InlineData("id")]
    [InlineData("type")]
    [InlineData("specversion")]
    [InlineData("subject")]
    [InlineData("time")]
    public async Task A_missing_required_attribute_is_a_400(string attribute)
    {
        var registration = Registration(Guid.NewGuid());
        registration.Remove(attribute);

        var response = await _intake.PostAsync("/events", Single(registration));

        await AssertProblem(response, HttpStatusCode.BadRequest, "invalid-envelope");
    }

    [Fact]
    public async Task A_time_more_than_five_minutes_ahead_is_a_400_naming_time()
    {
        var response = await _intake.PostAsync("/events", Single(Registration(Guid.NewGuid(), time: DateTimeOffset.UtcNow.AddMinutes(10))));

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "invalid-envelope");
        Assert.NotNull(problem["errors"]!["time"]);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Another_content_type_is_a_415(string contentType)
    {
        var response = await _intake.PostAsync("/events", Content(Registration(Guid.NewGuid()).ToJsonString(), contentType));
        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task A_batch_of_more_than_500_events_is_a_413()
    {
        var events = Enumerable.Range(0, 501).Select(_ => Registration(Guid.NewGuid())).ToArray();
        var response = await _intake.PostAsync("/events", Batch(events));
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_a_413()
    {
        var registration = Registration(Guid.NewGuid());
        registration["padding"] = new string('x', 1024 * 1024);
        var response = await _intake.PostAsync("/events", Single(registration));
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task Data_that_breaks_a_rule_is_a_422_naming_each_field_and_stores_nothing()
    {
        var registration = Registration(Guid.NewGuid());
        registration["data"]!["sex"] = "f";
        registration["data"]!["consent"]!["dataProcessing"] = false;
        var before = await StoredEvents();

        var response = await _intake.PostAsync("/events", Single(registration));

        var problem = await AssertProblem(response, HttpStatusCode.UnprocessableEntity, "invalid-data");
        Assert.NotNull(problem["errors"]!["data.sex"]);
        Assert.NotNull(problem["errors"]!["data.consent.dataProcessing"]);
        Assert.Equal(before, await StoredEvents());
    }

    [Fact]
    public async Task A_type_of_another_service_is_refused_naming_that_service()
    {
        var response = await _intake.PostAsync("/events", Single(Session(Guid.NewGuid())));

        var problem = await AssertProblem(response, HttpStatusCode.UnprocessableEntity, "wrong-service");
        Assert.Contains("counselling", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_type_outside_the_catalogue_is_a_400()
    {
        var response = await _intake.PostAsync("/events", Single(Envelope("reintegration.intake.unheard-of.v1", Guid.NewGuid(), new JsonObject())));
        await AssertProblem(response, HttpStatusCode.BadRequest, "unknown-event-type");
    }

    [Fact]
    public async Task A_batch_answers_each_event_in_order_and_stores_only_the_accepted()
    {
        var previouslyAccepted = Registration(Guid.NewGuid());
        await _intake.PostAsync("/events", Single(previouslyAccepted));
        var invalid = Registration(Guid.NewGuid());
        invalid["data"]!["region"] = "atlantis";
        var fresh = Registration(Guid.NewGuid());
        var noEnvelope = Registration(Guid.NewGuid());
        noEnvelope.Remove("source");
        var before = await StoredEvents();

        var response = await _intake.PostAsync("/events", Batch(fresh, previouslyAccepted, invalid, noEnvelope, fresh));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["accepted", "duplicate", "rejected", "rejected", "duplicate"], results.Select(r => (string?)r!["status"]));
        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => (int)r!["index"]!));
        Assert.Equal((string?)fresh["id"], (string?)results[0]!["id"]);
        Assert.Equal("urn:reintegration:problem:invalid-data", (string?)results[2]!["problem"]!["type"]);
        Assert.NotNull(results[2]!["problem"]!["errors"]!["data.region"]);
        Assert.Equal("urn:reintegration:problem:invalid-envelope", (string?)results[3]!["problem"]!["type"]);
        Assert.Equal(before + 1, await StoredEvents());
    }

    [Fact]
    public async Task A_body_that_is_not_an_array_of_objects_is_a_400_for_a_batch()
    {
        var response = await _intake.PostAsync("/events", Content("[1, 2]", "application/cloudevents-batch+json"));
        await AssertProblem(response, HttpStatusCode.BadRequest, "invalid-batch");
    }

    [Fact]
    public async Task A_rejected_event_leaves_no_trace()
    {
        var events = await StoredEvents();
        var records = await IngestionRecords();
        var claims = await fixture.System.Backend.ScalarAsync<long>("select count(*) from intake.mt_doc_uniqueclaim");
        var invalid = Registration(Guid.NewGuid());
        invalid["data"]!["arrivalDate"] = "2027-01-01";

        var response = await _intake.PostAsync("/events", Batch(invalid));

        Assert.Equal("rejected", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]![0]!["status"]);
        Assert.Equal(events, await StoredEvents());
        Assert.Equal(records, await IngestionRecords());
        Assert.Equal(claims, await fixture.System.Backend.ScalarAsync<long>("select count(*) from intake.mt_doc_uniqueclaim"));
    }

    [Fact]
    public async Task A_desk_registration_gets_a_server_chosen_id_and_can_be_read_back()
    {
        var data = Registration(Guid.NewGuid())["data"]!.AsObject();

        var response = await _intake.PostAsJsonAsync("/returnees", data);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        var id = Guid.Parse((string)created!["id"]!);
        Assert.Equal(7, id.Version);
        Assert.Equal($"/returnees/{id}", response.Headers.Location!.OriginalString);
        var read = await _intake.GetFromJsonAsync<JsonObject>($"/returnees/{id}");
        Assert.Equal("identifying", (string?)read!["disclosure"]);
        Assert.Equal("18-24", (string?)read["profile"]!["ageGroup"]);
        Assert.Equal("Awa", (string?)read["identity"]!["givenName"]);
        Assert.Equal(Source, (string?)read["identity"]!["registeredBy"]);
    }

    [Fact]
    public async Task An_unknown_returnee_is_a_404_problem()
    {
        var response = await _intake.GetAsync($"/returnees/{Guid.NewGuid()}");
        await AssertProblem(response, HttpStatusCode.NotFound, "not-found");
    }

    private static async Task<JsonObject> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string kind)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal($"urn:reintegration:problem:{kind}", (string?)problem["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        return problem;
    }
}
