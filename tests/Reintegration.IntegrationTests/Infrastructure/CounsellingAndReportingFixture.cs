using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Counselling;
using Reintegration.Counselling.Clients;
using Reintegration.Reporting;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// Counselling and Reporting running, with their queues bound, for tests that publish Intake's
/// facts onto the bus themselves (as Intake's outbox publishes them) and watch what each learns.
/// </summary>
public sealed class CounsellingAndReportingFixture : SystemFixture
{
    protected override async Task StartedAsync(TestSystem system)
    {
        await system.WaitUntilReadyAsync<CounsellingService>();
        await system.WaitUntilReadyAsync<ReportingService>();
        // Both queues and their bindings exist before the test publishes, as they do before Intake publishes.
        await system.Counselling.Services.GetRequiredService<SubscriberTopology>().Declared;
    }

    public async Task PublishAsync(params object[] messages)
    {
        var bus = System.Counselling.Services.GetRequiredService<IBus>();
        await bus.PublishEachAsync(messages);
    }

    /// <summary>What Counselling has learned of the returnee, once <paramref name="condition"/> holds.</summary>
    public Task<CounsellingClient?> LearnedAsync(Guid returnee, Func<CounsellingClient, bool> condition, string what) =>
        Eventually.UntilAsync(async () =>
        {
            await using var session = System.Store<CounsellingService>().QuerySession();
            return await StreamStates.FoldAsync<CounsellingClient>(session, LearnedStreams.For(returnee), CancellationToken.None);
        }, c => c is not null && condition(c), $"Counselling to learn {what}");

    /// <summary>The returnee's journey at Reporting, or null while it has none.</summary>
    public async Task<JsonObject?> JourneyAsync(Guid returnee)
    {
        using var reporting = System.Reporting.CreateClient();
        var response = await reporting.GetAsync($"/returnees/{returnee}/journey");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }
}
