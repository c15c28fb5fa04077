using System.Net;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Subscriptions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Health;

/// <summary>
/// Marten swallows an OperationCanceledException escaping a subscription: no log, no restart, a
/// frozen position. The operator's health detail must show it; readiness, which a load balancer
/// routes on, must not turn partners away for it (their events wait safely in the store).
/// </summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private TestSystem _system = null!;

    public async Task InitializeAsync() =>
        _system = await TestSystem.CreateAsync(new Dictionary<string, string> { ["Daemon:StallAfterSeconds"] = "2" });

    public async Task DisposeAsync() => await _system.DisposeAsync();

    /// <summary>Fails the way a publish cancelled by a timeout would, if it were let through.</summary>
    private sealed class SwallowedCancellationSubscription : SubscriptionBase
    {
        public SwallowedCancellationSubscription() => Name = "frozen-by-test";

        public override Task<IChangeListener> ProcessEventsAsync(
            EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken) =>
            throw new OperationCanceledException("simulated swallowed cancellation");
    }

    [Fact]
    public async Task The_detail_turns_unhealthy_when_a_subscription_stops_advancing_while_events_wait_and_readiness_does_not()
    {
        var intake = _system.Host<IntakeService>(services =>
            services.ConfigureMarten(o => o.Events.Subscribe(new SwallowedCancellationSubscription())));
        using var client = intake.CreateClient();
        await _system.WaitUntilReadyAsync<IntakeService>();

        (await client.PostAsync("/events", Single(Registration(Guid.NewGuid())))).EnsureSuccessStatusCode();
        await _system.WaitUntilPublishedAsync<IntakeService>();

        var report = await Eventually.UntilAsync(async () =>
            {
                var response = await client.GetAsync("/health/detail");
                return (response.StatusCode, Body: JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
            }, r => r.StatusCode == HttpStatusCode.ServiceUnavailable, "the detail to show the frozen subscription");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        var daemon = report.Body["checks"]!["async-daemon"]!;
        Assert.Equal("Unhealthy", (string?)daemon["status"]);
        Assert.Contains("frozen-by-test", (string?)daemon["description"]);
        Assert.DoesNotContain("integration-events", (string?)daemon["description"]);
    }

    [Fact]
    public async Task A_service_whose_subscriptions_keep_up_stays_ready_however_long_it_idles()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var intake = _system.Host<IntakeService>(services => services.AddSingleton<TimeProvider>(clock));
        using var client = intake.CreateClient();
        await _system.WaitUntilReadyAsync<IntakeService>();
        (await client.PostAsync("/events", Single(Registration(Guid.NewGuid())))).EnsureSuccessStatusCode();
        await _system.WaitUntilPublishedAsync<IntakeService>();

        var first = await client.GetAsync("/health/detail");
        clock.Advance(TimeSpan.FromMinutes(10));
        var tenMinutesLater = await client.GetAsync("/health/detail");

        // The position did not move between the probes, but nothing waits beyond it: not a stall.
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tenMinutesLater.StatusCode);
    }
}
