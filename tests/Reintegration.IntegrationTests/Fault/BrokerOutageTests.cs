using System.Diagnostics;
using System.Net;
using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Fault;

/// <summary>
/// With RabbitMQ stopped, partners can still post (the event store is the outbox); once it is
/// back, Reporting catches up to the exact figures. Stops the broker, so build/test.sh runs this
/// category alone, on the fault stage's own RabbitMQ node (build/lib/fault-infra.sh), never the
/// shared one. <c>RABBITMQCTL</c> says how to reach that broker's rabbitmqctl
/// (<c>rabbitmqctl -n faults@localhost</c> there).
/// </summary>
[Trait("Category", "Fault")]
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private TestSystem _system = null!;

    public async Task InitializeAsync() => _system = await TestSystem.CreateAsync();

    public async Task DisposeAsync()
    {
        await RabbitMqCtl("start_app");
        await _system.DisposeAsync();
    }

    [Fact]
    public async Task Intake_accepts_while_the_broker_is_down_and_Reporting_catches_up_exactly_when_it_is_back()
    {
        await _system.WaitUntilReadyAsync<IntakeService>();
        await _system.WaitUntilReadyAsync<CounsellingService>();
        await _system.WaitUntilReadyAsync<ReportingService>();
        using var intake = _system.Intake.CreateClient();
        using var counselling = _system.Counselling.CreateClient();
        var before = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        (await intake.PostAsync("/events", Batch(before.Select(r => Registration(r)).ToArray()))).EnsureSuccessStatusCode();
        await Eventually.UntilAsync(() => _system.IndicatorValuesAsync(), v => v["returnees-registered"] == 3, "the first registrations to arrive");

        await RabbitMqCtl("stop_app");
        var during = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var returnee in during)
            Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Single(Registration(returnee)))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await counselling.PostAsync("/events", Single(Session(during[0])))).StatusCode);
        Assert.Equal(3, (await _system.IndicatorValuesAsync())["returnees-registered"]);
        await RabbitMqCtl("start_app");

        var values = await Eventually.UntilAsync(() => _system.IndicatorValuesAsync(),
            v => v["returnees-registered"] == 8 && v["counselling-sessions"] == 1, "Reporting to catch up after the outage",
            TimeSpan.FromSeconds(120));
        Assert.Equal(1, values["returnees-reached"]);
    }

    private static async Task RabbitMqCtl(string command)
    {
        var rabbitmqctl = (Environment.GetEnvironmentVariable("RABBITMQCTL") ?? "rabbitmqctl").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(rabbitmqctl[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in rabbitmqctl.Skip(1).Append(command)) start.ArgumentList.Add(argument);
        var process = Process.Start(start)
            ?? throw new InvalidOperationException("rabbitmqctl did not start");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {command} failed: {await process.StandardError.ReadToEndAsync()}");
    }
}
