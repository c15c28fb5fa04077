using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Contracts;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.Training.Participants;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;
using TrainingService = Reintegration.Training.TrainingService;

namespace Reintegration.IntegrationTests.Training;

/// <summary>
/// Training learns erasure and closures from Intake's contracts over RabbitMQ (published onto the
/// bus from the test, as Intake's outbox publishes them) and refuses workshops and awareness
/// events naming those returnees.
/// </summary>
public sealed class ParticipantsFromIntakeTests(ParticipantsFromIntakeTests.Fixture fixture) : IClassFixture<ParticipantsFromIntakeTests.Fixture>
{
    public sealed class Fixture : SystemFixture
    {
        protected override async Task StartedAsync(TestSystem system)
        {
            await system.WaitUntilReadyAsync<TrainingService>();
            // Training's queue and bindings exist before the test publishes, as they do before Intake publishes.
            await system.Training.Services.GetRequiredService<SubscriberTopology>().Declared;
        }
    }

    private readonly HttpClient _training = fixture.System.Training.CreateClient();
    private readonly IBus _bus = fixture.System.Training.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task A_workshop_naming_an_erased_returnee_is_refused_naming_them_and_one_without_them_accepted()
    {
        var (erased, other) = (Guid.NewGuid(), Guid.NewGuid());
        await _bus.PublishEachAsync(new ReturneeConsentChanged(erased, At(4, 1), DataProcessing: false, Counselling: false, FollowUpContact: false));
        await _bus.PublishEachAsync(new ReturneeErased(erased, At(4, 1)));
        await LearnedAsync(erased, r => r.Erased, "Training to learn the erasure");

        var workshop = Guid.NewGuid();
        var refused = await _training.PostAsync("/events", Single(Workshop(workshop, [other, erased])));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("urn:reintegration:problem:state-forbids", (string?)problem["type"]);
        Assert.Equal(["data.participants[1]"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains(erased.ToString(), (string?)problem["detail"]);
        Assert.Equal(0, await StreamLengthAsync(workshop));

        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(Workshop(workshop, [other])))).StatusCode);
        var awareness = await _training.PostAsync("/events", Single(AwarenessEvent(Guid.NewGuid(), returnees: [erased])));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, awareness.StatusCode);
    }

    [Fact]
    public async Task A_workshop_after_a_closure_Training_learned_is_refused_until_the_reopening_and_one_before_it_accepted()
    {
        var returnee = Guid.NewGuid();
        await _bus.PublishEachAsync(new ReturneeCaseClosed(returnee, At(4, 1), "left-area"));
        await LearnedAsync(returnee, r => r.Closures.Count == 1, "Training to learn the closure");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _training.PostAsync("/events", Single(Workshop(Guid.NewGuid(), [returnee], time: At(4, 8))))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(Workshop(Guid.NewGuid(), [returnee], time: At(3, 28))))).StatusCode);

        await _bus.PublishEachAsync(new ReturneeCaseReopened(returnee, At(4, 5)));
        await LearnedAsync(returnee, r => r.Reopenings.Count == 1, "Training to learn the reopening");
        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(Workshop(Guid.NewGuid(), [returnee], time: At(4, 8))))).StatusCode);
    }

    [Fact]
    public async Task A_counselling_refusal_does_not_keep_a_returnee_out_of_a_workshop()
    {
        var returnee = Guid.NewGuid();
        await _bus.PublishEachAsync(new ReturneeConsentChanged(returnee, At(4, 1), DataProcessing: true, Counselling: false, FollowUpContact: false));
        await _bus.PublishEachAsync(new ReturneeCaseClosed(returnee, At(5, 1), "left-area"));
        await LearnedAsync(returnee, r => r.Closures.Count == 1, "Training to learn the later closure");

        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(Workshop(Guid.NewGuid(), [returnee], time: At(4, 8))))).StatusCode);
    }

    private Task<KnownReturnee?> LearnedAsync(Guid returnee, Func<KnownReturnee, bool> condition, string what) =>
        Eventually.UntilAsync(async () =>
        {
            await using var session = fixture.System.Store<TrainingService>().QuerySession();
            return await StreamStates.FoldAsync<KnownReturnee>(session, LearnedStreams.For(returnee), CancellationToken.None);
        }, r => r is not null && condition(r), what);

    private async Task<int> StreamLengthAsync(Guid stream)
    {
        await using var session = fixture.System.Store<TrainingService>().QuerySession();
        return (await session.Events.FetchStreamAsync(stream)).Count;
    }

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.Zero);
}
