using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Training;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Ingestion;

/// <summary>The ingestion contract at Counselling and Training: their own rules on the shared pipeline.</summary>
public sealed class CounsellingAndTrainingIngestionTests(SystemFixture fixture)
    : IClassFixture<SystemFixture>
{
    private readonly HttpClient _counselling = fixture.System.Counselling.CreateClient();
    private readonly HttpClient _training = fixture.System.Training.CreateClient();

    [Fact]
    public async Task A_session_for_a_returnee_not_yet_registered_is_accepted()
    {
        var response = await _counselling.PostAsync("/events", Single(Session(Guid.NewGuid())));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_session_out_of_range_is_a_422_naming_the_field()
    {
        var session = Session(Guid.NewGuid());
        session["data"]!["durationMinutes"] = 481;
        session["data"]!["modality"] = "telepathy";

        var response = await _counselling.PostAsync("/events", Single(session));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        Assert.NotNull(errors["data.durationMinutes"]);
        Assert.NotNull(errors["data.modality"]);
    }

    [Fact]
    public async Task An_awareness_event_is_accepted_once_and_a_second_report_with_other_figures_is_a_409()
    {
        var eventId = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(AwarenessEvent(eventId, women: 10)))).StatusCode);
        var before = await fixture.System.EventCountAsync<TrainingService>();

        var sameFacts = await _training.PostAsync("/events", Single(AwarenessEvent(eventId, women: 10)));
        var otherFacts = await _training.PostAsync("/events", Single(AwarenessEvent(eventId, women: 99)));

        Assert.Equal(HttpStatusCode.Accepted, sameFacts.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherFacts.StatusCode);
        Assert.Equal(before, await fixture.System.EventCountAsync<TrainingService>());
    }

    [Fact]
    public async Task An_awareness_event_that_reached_nobody_is_a_422()
    {
        var response = await _training.PostAsync("/events", Single(AwarenessEvent(Guid.NewGuid(), women: 0, men: 0, girls: 0, boys: 0)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("at least 1", (string?)problem!["detail"]);
    }

    [Fact]
    public async Task A_registration_posted_to_training_names_intake()
    {
        var response = await _training.PostAsync("/events", Single(Registration(Guid.NewGuid())));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("intake", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
    }
}
