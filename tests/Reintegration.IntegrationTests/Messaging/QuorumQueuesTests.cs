using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Contracts;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.ServiceDefaults.Messaging;
using Xunit;

namespace Reintegration.IntegrationTests.Messaging;

/// <summary>
/// With <c>RabbitMq:QuorumQueues</c> on (as in the Kubernetes manifests), every consumer's queue
/// and error queue is a quorum queue, and the consumer takes good messages from it and sets a bad
/// one aside in it as with classic queues. On the shared broker, in a vhost of this test's own.
/// </summary>
public sealed class QuorumQueuesTests : IAsyncLifetime
{
    private TestSystem _system = null!;

    public async Task InitializeAsync() =>
        _system = await TestSystem.CreateAsync(new Dictionary<string, string> { [QueueType.ConfigurationKey] = "true" });

    public async Task DisposeAsync() => await _system.DisposeAsync();

    private static ReturneeRegistered Registered(Guid returnee) =>
        new(returnee, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), "female", "18-24", "kayes", "LY", "assisted-voluntary",
            new DateOnly(2026, 2, 20), CounsellingConsent: true);

    [Fact]
    public async Task Receive_and_error_queues_are_quorum_queues_and_messages_flow_through_them()
    {
        await _system.WaitUntilReadyAsync<ReportingService>();
        await _system.Reporting.Services.GetRequiredService<SubscriberTopology>().Declared;
        var bus = _system.Reporting.Services.GetRequiredService<IBus>();

        await bus.PublishEventsAsync(
            IntegrationBus.Event(Registered(Guid.NewGuid())), IntegrationBus.Event(Registered(Guid.NewGuid()) with { Region = null! }), IntegrationBus.Event(Registered(Guid.NewGuid())));

        await Eventually.UntilAsync(async () => (await _system.IndicatorValuesAsync())["returnees-registered"], n => n == 2,
            "the two good registrations to be counted");
        var setAside = await Eventually.UntilAsync(() => _system.Backend.QueuedMessagesAsync(DeadLetters.ErrorQueueOf(Subscriptions.ReportingQueue)),
            m => m.Count == 1, "the bad one in the error queue");
        Assert.Equal("it breaks its contract: Region is missing", (string?)setAside[0].Headers[DeadLetters.ReasonHeader]);

        var types = await QueueTypesAsync();
        foreach (var queue in Subscriptions.ByQueue.Keys.SelectMany(q => new[] { q, DeadLetters.ErrorQueueOf(q) }))
            Assert.True(types.GetValueOrDefault(queue) == "quorum", $"{queue} is {types.GetValueOrDefault(queue) ?? "missing"}");
    }

    /// <summary>Every queue of the test's vhost and its type, from the management API.</summary>
    private async Task<IReadOnlyDictionary<string, string?>> QueueTypesAsync()
    {
        var infrastructure = await Infrastructure.Infrastructure.GetAsync();
        var vhost = new Uri(_system.Backend.RabbitMq).AbsolutePath.Trim('/');
        using var management = new HttpClient { BaseAddress = infrastructure.RabbitMqManagement };
        var credentials = Uri.UnescapeDataString(infrastructure.RabbitMq.UserInfo is { Length: > 0 } info ? info : "guest:guest");
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        var queues = JsonNode.Parse(await management.GetStringAsync($"api/queues/{Uri.EscapeDataString(vhost)}"))!.AsArray();
        return queues.ToDictionary(q => (string)q!["name"]!, q => (string?)q!["type"]);
    }
}
