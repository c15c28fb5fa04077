using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.Training;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.EndToEnd;

/// <summary>
/// RabbitMQ drops a message published before its consumer's queue exists. The publishing
/// services declare every subscriber's queue at start-up, so Reporting starting for the first
/// time after the others have published still receives everything.
/// </summary>
public sealed class StartOrderTests : IAsyncLifetime
{
    private TestSystem _system = null!;

    public async Task InitializeAsync() => _system = await TestSystem.CreateAsync();
    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Reporting_started_after_the_others_published_receives_everything()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        using var intake = _system.Intake.CreateClient();
        using var counselling = _system.Counselling.CreateClient();
        using var training = _system.Training.CreateClient();

        (await intake.PostAsync("/events", Batch(Registration(first, sex: "female"), Registration(second, sex: "male", region: "kita")))).EnsureSuccessStatusCode();
        (await counselling.PostAsync("/events", Batch(Session(first), Session(first), Session(second)))).EnsureSuccessStatusCode();
        (await training.PostAsync("/events", Single(AwarenessEvent(Guid.NewGuid(), women: 4, men: 6, girls: 0, boys: 1)))).EnsureSuccessStatusCode();
        await _system.WaitUntilPublishedAsync<IntakeService>();
        await _system.WaitUntilPublishedAsync<CounsellingService>();
        await _system.WaitUntilPublishedAsync<TrainingService>();
        Assert.False(_system.IsRunning<ReportingService>());

        var values = await Eventually.UntilAsync(() => _system.IndicatorValuesAsync(),
            v => v["returnees-registered"] == 2 && v["counselling-sessions"] == 3 && v["people-reached"] == 11,
            "Reporting, started last, to receive what was published before it ever ran");

        Assert.Equal(2, values["returnees-reached"]);
        Assert.Equal(1, values["awareness-events"]);
    }
}
