using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.IntegrationTests.Support;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Health;

/// <summary>
/// What a load balancer routes on (<c>/health/ready</c>: the database) apart from what an operator
/// sees (<c>/health/detail</c>), with the service cut off from PostgreSQL or RabbitMQ by a relay,
/// so the servers the other tests share keep running.
/// </summary>
public sealed class OutageHealthTests : IAsyncLifetime
{
    private TestSystem _system = null!;
    private TcpRelay _database = null!;
    private TcpRelay _broker = null!;

    public async Task InitializeAsync()
    {
        var infrastructure = await Infrastructure.Infrastructure.GetAsync();
        var postgres = new NpgsqlConnectionStringBuilder(infrastructure.PostgresAdmin);
        _database = new TcpRelay(postgres.Host!, postgres.Port);
        _broker = new TcpRelay(infrastructure.RabbitMq.Host, infrastructure.RabbitMq.Port);
        _system = await TestSystem.CreateAsync(backend => new Dictionary<string, string>
        {
            ["Daemon:StallAfterSeconds"] = "2",
            ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(backend.Postgres) { Host = "127.0.0.1", Port = _database.Port }.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = new UriBuilder(backend.RabbitMq) { Host = "127.0.0.1", Port = _broker.Port }.Uri.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        _database.Restore();
        _broker.Restore();
        await _system.DisposeAsync();
        await _database.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task A_fresh_service_with_nothing_posted_stays_ready_and_healthy()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var client = _system.Host<IntakeService>(services => services.AddSingleton<TimeProvider>(clock)).CreateClient();
        await _system.WaitUntilReadyAsync<IntakeService>();

        // Far longer than the stall time, with no event ever committed: nothing waits, nothing stalls.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/detail")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var detail = await client.GetAsync("/health/detail");
        Assert.True(detail.StatusCode == HttpStatusCode.OK, await detail.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_its_database_a_service_answers_503_with_Retry_After_and_is_not_ready_until_it_is_back()
    {
        using var client = _system.Intake.CreateClient();
        await _system.WaitUntilReadyAsync<IntakeService>();

        _database.Cut();
        var refused = await client.PostAsync("/events", Single(Registration(Guid.NewGuid())));
        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        _database.Restore();
        var resent = await Eventually.UntilAsync(() => client.PostAsync("/events", Single(Registration(Guid.NewGuid()))),
            r => r.StatusCode == HttpStatusCode.Accepted, "ingestion to work again once the database is back");
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task After_its_database_comes_back_the_daemon_publishes_again_by_itself()
    {
        using var client = _system.Intake.CreateClient();
        await _system.WaitUntilReadyAsync<IntakeService>();
        (await client.PostAsync("/events", Single(Registration(Guid.NewGuid())))).EnsureSuccessStatusCode();
        await _system.WaitUntilPublishedAsync<IntakeService>();

        // Given an outage long enough for the daemon's agents to fail their polls (marten#4961)
        _database.Cut();
        await Eventually.UntilAsync(() => client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable,
            "readiness to see the database gone");
        await Eventually.UntilAsync(async () => JsonNode.Parse(await (await client.GetAsync("/health/detail")).Content.ReadAsStringAsync())!,
            d => (string?)d["checks"]!["async-daemon"]!["status"] == "Unhealthy", "the daemon check to fail while the database is away");
        _database.Restore();

        // When a partner posts once it is back, the event is published without anyone restarting anything
        await Eventually.UntilAsync(() => client.PostAsync("/events", Single(Registration(Guid.NewGuid()))),
            r => r.StatusCode == HttpStatusCode.Accepted, "ingestion to work again");
        await _system.WaitUntilPublishedAsync<IntakeService>();
        await Eventually.UntilAsync(() => client.GetAsync("/health/detail"), r => r.StatusCode == HttpStatusCode.OK, "the detail to be healthy again");
    }

    [Fact]
    public async Task Without_the_broker_a_service_stays_ready_and_keeps_accepting_while_the_detail_tells_the_operator()
    {
        using var client = _system.Intake.CreateClient();
        await _system.WaitUntilReadyAsync<IntakeService>();

        _broker.Cut();
        var accepted = await client.PostAsync("/events", Single(Registration(Guid.NewGuid())));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var detail = await Eventually.UntilAsync(async () =>
            {
                var response = await client.GetAsync("/health/detail");
                return (response.StatusCode, Body: JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
            }, d => d.StatusCode == HttpStatusCode.ServiceUnavailable, "the detail to show what the outage holds up");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal("Healthy", (string?)detail.Body["checks"]!["postgres"]!["status"]);

        _broker.Restore();
        await _system.WaitUntilPublishedAsync<IntakeService>();
        await Eventually.UntilAsync(() => client.GetAsync("/health/detail"), r => r.StatusCode == HttpStatusCode.OK,
            "the detail to be healthy again once the broker is back");
    }
}
