using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.Health;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Health;

/// <summary>
/// A daemon agent that has stopped while events wait (what a dead high-water agent or a subscription
/// frozen by a swallowed cancellation look like from outside) is restarted by the service itself,
/// and publishing resumes from where it stood, without anyone restarting the process.
/// </summary>
public sealed class DaemonWatchdogTests : IAsyncLifetime
{
    private TestSystem _system = null!;

    public async Task InitializeAsync() => _system = await TestSystem.CreateAsync(new Dictionary<string, string>
    {
        ["Daemon:StallAfterSeconds"] = "2",
        ["Daemon:WatchdogSeconds"] = "1",
    });

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task A_stopped_high_water_agent_is_restarted_and_what_waited_is_published()
    {
        using var client = _system.Intake.CreateClient();
        await _system.WaitUntilReadyAsync<IntakeService>();
        var services = _system.Intake.Services;
        var daemon = services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        // IsRunning can be true before every shard's agent has started; stopping the mark then let
        // the events be published without any restart (1 run in 3). Every agent first.
        var shards = ((DocumentStore)services.GetRequiredService<IDocumentStore>()).Options.Projections.AllShards().Count;
        await Eventually.UntilAsync(() => Task.FromResult(daemon.IsRunning ? daemon.CurrentAgents().Count : 0),
            running => running == shards, "every agent of Intake's daemon to run");

        // What a dead high-water agent looks like from outside (marten#4961): the mark stops while events are committed.
        await daemon.PrepareForRebuildsAsync();
        (await client.PostAsync("/events", Batch(Registration(Guid.NewGuid()), Registration(Guid.NewGuid())))).EnsureSuccessStatusCode();

        await _system.WaitUntilPublishedAsync<IntakeService>();
        Assert.True(services.GetRequiredService<DaemonWatchdog>().Restarts >= 1, "published without the watchdog restarting anything");
    }
}
