using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Contracts;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Messaging;
using Xunit;

namespace Reintegration.IntegrationTests.Messaging;

/// <summary>
/// An event a consumer cannot take goes to the error queue alone, with its reason, and the good
/// events beside it, in its message and in others, go on at once; an operator sees the error
/// queue and moves messages back after a fix, without broker plugins.
/// </summary>
public sealed class FailedMessagesTests : IAsyncLifetime
{
    private static readonly string ErrorQueue = DeadLetters.ErrorQueueOf(Subscriptions.ReportingQueue);
    private TestSystem _system = null!;

    public async Task InitializeAsync() => _system = await TestSystem.CreateAsync();

    public async Task DisposeAsync() => await _system.DisposeAsync();

    private static ReturneeRegistered Registered(Guid returnee) =>
        new(returnee, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), "female", "18-24", "kayes", "LY", "assisted-voluntary",
            new DateOnly(2026, 2, 20), CounsellingConsent: true);

    private async Task<decimal?> RegisteredCountAsync() =>
        (decimal?)(await _system.IndicatorsAsync())["indicators"]!.AsArray().Single(i => (string?)i!["code"] == "returnees-registered")!["value"];

    [Fact]
    public async Task An_event_without_an_id_and_one_that_breaks_its_contract_are_set_aside_alone_and_the_rest_is_counted()
    {
        await _system.WaitUntilReadyAsync<ReportingService>();
        var bus = _system.Reporting.Services.GetRequiredService<IBus>();
        var good = Enumerable.Range(0, 100).Select(_ => IntegrationBus.Event(Registered(Guid.NewGuid()))).ToList();
        var broken = IntegrationBus.Event(Registered(Guid.NewGuid()) with { Sex = null!, AgeGroup = null!, Region = null! });

        // Given a backlog of good registrations with two bad events among them, in the middle of a message
        await bus.PublishEventsAsync(good.Take(40).ToArray());
        await bus.PublishEventsAsync([.. good.Skip(40).Take(10), IntegrationBus.Event(Registered(Guid.NewGuid()), Guid.Empty), broken, .. good.Skip(50).Take(10)]);
        await bus.PublishEventsAsync(good.Skip(60).ToArray());

        // Then every good one is counted, and the two bad ones wait in the error queue, each alone with its reason
        await Eventually.UntilAsync(RegisteredCountAsync, n => n == 100, "the 100 good registrations to be counted");
        var setAside = await Eventually.UntilAsync(() => _system.Backend.QueuedMessagesAsync(ErrorQueue), m => m.Count == 2, "both bad events in the error queue");
        var reasons = setAside.Select(m => (string?)m.Headers[DeadLetters.ReasonHeader]).Order().ToList();
        Assert.Contains("it breaks its contract: Sex is missing; AgeGroup is missing; Region is missing", reasons);
        Assert.Contains(reasons, r => r!.Contains("no event id"));
        var contractBreaker = JsonNode.Parse(setAside.Single(m => ((string?)m.Headers[DeadLetters.ReasonHeader])!.Contains("contract")).Body)!;
        Assert.Equal(broken.Id.ToString(), (string?)contractBreaker["messageId"]);
        Assert.Equal(broken.Message.ReturneeId.ToString(), (string?)Assert.Single(contractBreaker["message"]!["events"]!.AsArray())!["message"]!["returneeId"]);
        Assert.Equal(100, await RegisteredCountAsync());

        // And the operator is told, by the health detail
        using var client = _system.Reporting.CreateClient();
        var detail = await Eventually.UntilAsync(async () => JsonNode.Parse(await (await client.GetAsync("/health/detail")).Content.ReadAsStringAsync())!,
            d => (string?)d["checks"]!["error-queue"]!["status"] == "Unhealthy", "the detail to show the error queue");
        Assert.Contains($"2 messages wait in {ErrorQueue}", (string?)detail["checks"]!["error-queue"]!["description"]);
    }

    [Fact]
    public async Task A_redrive_moves_what_waits_in_the_error_queue_back_and_it_is_counted_once()
    {
        await _system.WaitUntilReadyAsync<ReportingService>();
        var bus = _system.Reporting.Services.GetRequiredService<IBus>();
        var counted = Guid.NewGuid();
        var failedDuringAnOutage = Guid.NewGuid();
        await bus.PublishEachAsync(Registered(counted));
        await Eventually.UntilAsync(RegisteredCountAsync, n => n == 1, "the first registration to be counted");

        // Given a good message that failed earlier (as after a long database outage) and waits in the error queue
        var errors = await bus.GetSendEndpoint(new Uri($"queue:{ErrorQueue}"));
        await errors.Send(new IntegrationEvents<ReturneeRegistered>([IntegrationBus.Event(Registered(failedDuringAnOutage))]),
            context => context.Headers.Set(DeadLetters.ReasonHeader, "the database was away"));
        await Eventually.UntilAsync(() => _system.Backend.QueuedMessagesAsync(ErrorQueue), m => m.Count == 1, "the message in the error queue");

        // When an operator redrives
        using var refused = _system.Reporting.ClientWith(TestTokens.Mint([Scopes.ReportsRead], []));
        Assert.Equal(HttpStatusCode.Forbidden, (await refused.PostAsync("/operations/redrive", null)).StatusCode);
        using var operations = _system.Reporting.ClientWith(TestTokens.Mint([Scopes.Operations], []));
        var answer = await (await operations.PostAsync("/operations/redrive", null)).Content.ReadFromJsonAsync<JsonObject>();

        // Then it moved, is counted once, and nothing waits any more
        Assert.Equal(1, (int?)answer!["moved"]);
        Assert.Equal(0, (long?)answer["stillWaiting"]);
        await Eventually.UntilAsync(RegisteredCountAsync, n => n == 2, "the redriven registration to be counted");
        Assert.Empty(await _system.Backend.QueuedMessagesAsync(ErrorQueue));
        using var client = _system.Reporting.CreateClient();
        await Eventually.UntilAsync(() => client.GetAsync("/health/detail"), r => r.StatusCode == HttpStatusCode.OK, "the detail to be healthy again");
    }
}
