using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.IntegrationTests.Support;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Ingestion;

/// <summary>
/// No input gets a 500, and none is misread: text that is not Unicode, U+0000, control
/// characters, duplicate member names and an oversized source are each a 4xx for that event
/// alone, and the valid events of the same batch are stored.
/// </summary>
public sealed class InputRulesTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private readonly HttpClient _intake = fixture.System.Intake.CreateClient();

    private Task<long> StoredEvents() => fixture.System.EventCountAsync<IntakeService>();

    /// <summary>The registration's JSON text with <paramref name="find"/> replaced: for what a JsonObject cannot hold.</summary>
    private static string Edited(JsonObject cloudEvent, string find, string replace)
    {
        var text = cloudEvent.ToJsonString();
        Assert.Contains(find, text);
        return text.Replace(find, replace);
    }

    private static string WithNulInGivenName(JsonObject registration) => Edited(registration, "\"Awa\"", "\"Awa\\u0000\"");

    private static string WithLoneSurrogateInFamilyName(JsonObject registration) => Edited(registration, "\"familyName\":", "\"familyName\":\"\\ud800\",\"x\":");

    private static string WithDuplicateMember(JsonObject registration) => Edited(registration, "\"returnedFrom\":\"LY\"", "\"returnedFrom\":\"LY\",\"returnedFrom\":\"NE\"");

    [Fact]
    public async Task Given_U_0000_in_a_name_when_posted_then_it_is_a_422_naming_the_field_and_nothing_is_stored()
    {
        var before = await StoredEvents();

        var problem = await (await _intake.PostAsync("/events", Content(WithNulInGivenName(Registration(Guid.NewGuid())), "application/cloudevents+json")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-data");

        Assert.NotNull(problem["errors"]!["data.givenName"]);
        Assert.Equal(before, await StoredEvents());
    }

    [Fact]
    public async Task Given_a_lone_surrogate_when_posted_then_it_is_a_400()
    {
        var problem = await (await _intake.PostAsync("/events", Content(Edited(Registration(Guid.NewGuid()), "\"Awa\"", "\"\\ud800\""), "application/cloudevents+json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-envelope");

        Assert.NotNull(problem["errors"]!["data.givenName"]);
    }

    [Fact]
    public async Task Given_a_duplicate_member_name_when_posted_then_it_is_a_400_naming_it()
    {
        var problem = await (await _intake.PostAsync("/events", Content(WithDuplicateMember(Registration(Guid.NewGuid())), "application/cloudevents+json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-envelope");

        Assert.NotNull(problem["errors"]!["data.returnedFrom"]);
    }

    [Theory]
    [InlineData("id", "evt-\\u0000")]
    [InlineData("id", "evt-1\\n")]
    [InlineData("source", "urn:partner:ngo-field-app\\n")]
    [InlineData("subject", "0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60\\n")]
    [InlineData("type", "reintegration.intake.returnee-registered.v1\\u0000")]
    public async Task Given_a_control_character_in_an_identifying_attribute_when_posted_then_it_is_a_400_naming_it(string attribute, string escaped)
    {
        var registration = Registration(Guid.NewGuid());
        var body = Edited(registration, $"\"{attribute}\":\"{(string)registration[attribute]!}\"", $"\"{attribute}\":\"{escaped}\"");

        var problem = await (await _intake.PostAsync("/events", Content(body, "application/cloudevents+json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-envelope");

        Assert.NotNull(problem["errors"]![attribute]);
    }

    [Fact]
    public async Task Given_a_source_of_10000_characters_when_posted_then_it_is_a_400_naming_source()
    {
        var registration = Registration(Guid.NewGuid());
        registration["source"] = "urn:partner:" + new string('a', 10_000);

        var problem = await (await _intake.PostAsync("/events", Single(registration))).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-envelope");

        Assert.NotNull(problem["errors"]!["source"]);
    }

    [Fact]
    public async Task Given_a_phone_ending_in_a_line_break_when_posted_then_it_is_a_422_naming_data_phone()
    {
        var registration = Registration(Guid.NewGuid());
        registration["data"]!["phone"] = "+22370123456\n";

        var problem = await (await _intake.PostAsync("/events", Single(registration))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid-data");

        Assert.NotNull(problem["errors"]!["data.phone"]);
    }

    [Fact]
    public async Task Given_a_batch_with_each_kind_of_bad_input_when_posted_then_each_is_rejected_alone_and_the_valid_events_are_stored()
    {
        var first = Registration(Guid.NewGuid());
        var last = Registration(Guid.NewGuid());
        var longSource = Registration(Guid.NewGuid());
        longSource["source"] = "urn:partner:" + new string('a', 10_000);
        var phone = Registration(Guid.NewGuid());
        phone["data"]!["phone"] = "+22370123456\n";
        var controlInId = Registration(Guid.NewGuid(), id: "evt-\n-1");
        var before = await StoredEvents();

        string[] events =
        [
            first.ToJsonString(),
            WithNulInGivenName(Registration(Guid.NewGuid())),
            WithLoneSurrogateInFamilyName(Registration(Guid.NewGuid())),
            WithDuplicateMember(Registration(Guid.NewGuid())),
            longSource.ToJsonString(),
            phone.ToJsonString(),
            controlInId.ToJsonString(),
            last.ToJsonString(),
        ];
        var response = await _intake.PostAsync("/events", Content($"[{string.Join(",", events)}]", "application/cloudevents-batch+json"));

        var results = await response.BatchResultsAsync();
        Assert.Equal(["accepted", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "accepted"],
            results.Select(r => (string?)r!["status"]));
        Assert.Equal(
            ["invalid-data", "invalid-envelope", "invalid-envelope", "invalid-envelope", "invalid-data", "invalid-envelope"],
            results.Skip(1).Take(6).Select(r => ((string?)r!["problem"]!["type"])!.Split(':')[^1]));
        Assert.NotNull(results[1]!["problem"]!["errors"]!["data.givenName"]);
        Assert.NotNull(results[3]!["problem"]!["errors"]!["data.returnedFrom"]);
        Assert.NotNull(results[5]!["problem"]!["errors"]!["data.phone"]);
        Assert.Equal(before + 2, await StoredEvents());
    }

    [Fact]
    public async Task Given_an_event_with_bytes_that_are_not_UTF_8_in_a_batch_when_posted_then_only_that_event_is_rejected()
    {
        var good = Registration(Guid.NewGuid());
        var bad = Encoding.UTF8.GetBytes(Edited(Registration(Guid.NewGuid()), "\"Awa\"", "\"Awa@\""));
        var at = Array.IndexOf(bad, (byte)'@');
        bad[at] = 0xFF;
        byte[] body = [(byte)'[', .. Encoding.UTF8.GetBytes(good.ToJsonString()), (byte)',', .. bad, (byte)']'];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents-batch+json");
        var before = await StoredEvents();

        var results = await (await _intake.PostAsync("/events", content)).BatchResultsAsync();

        Assert.Equal(["accepted", "rejected"], results.Select(r => (string?)r!["status"]));
        Assert.NotNull(results[1]!["problem"]!["errors"]!["data.givenName"]);
        Assert.Equal(before + 1, await StoredEvents());
    }

    [Fact]
    public async Task Given_a_desk_registration_with_a_lone_surrogate_when_posted_then_it_is_a_4xx_not_a_500()
    {
        var data = Edited(Registration(Guid.NewGuid())["data"]!.AsObject(), "\"Awa\"", "\"\\ud800\"");

        var response = await _intake.PostAsync("/returnees", Content(data, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-request");
    }
}
