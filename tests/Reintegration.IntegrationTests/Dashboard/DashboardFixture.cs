using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Marten.Events;
using MassTransit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.Reporting.Dashboard;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Messaging;
using Xunit;

namespace Reintegration.IntegrationTests.Dashboard;

/// <summary>
/// Reporting listening on a real loopback port (a browser cannot reach an in-memory test
/// server), signing its dashboard in with <see cref="TestIdentityProvider"/>, holding
/// <see cref="ProgrammeSample"/> as its consumers took it from RabbitMQ; and one chromium.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>The test classes that share one Reporting, one sample and one chromium.</summary>
    public const string Collection = "Dashboard";

    private IsolatedBackend _backend = null!;
    private IPlaywright _playwright = null!;

    public ServiceHost<ReportingService> Reporting { get; private set; } = null!;
    public TestIdentityProvider IdentityProvider { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Reporting's address, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>A reporting officer's token: reports:read only, so /indicators answers in public mode, as to the page.</summary>
    public string OfficerToken { get; } = TestTokens.Mint([Scopes.ReportsRead], [], "reporting-officer");

    public async Task InitializeAsync()
    {
        (_playwright, Browser) = await Chromium.LaunchAsync();
        _backend = await IsolatedBackend.CreateAsync();
        IdentityProvider = await TestIdentityProvider.StartAsync();
        Reporting = new ServiceHost<ReportingService>(_backend, new Dictionary<string, string>
        {
            [$"{DashboardOptions.Section}:{nameof(DashboardOptions.Authority)}"] = IdentityProvider.Authority,
            [$"{DashboardOptions.Section}:{nameof(DashboardOptions.ClientId)}"] = TestIdentityProvider.ClientId,
        });
        Reporting.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        Reporting.StartServer();
        BaseUrl = Reporting.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        IdentityProvider.RedirectUri = BaseUrl + DashboardEndpoints.Route;

        using var client = Reporting.CreateClient();
        await Eventually.UntilAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, ok => ok, "Reporting to be ready");
        await SeedAsync();
    }

    /// <summary>Publishes the sample as the other services' outboxes would, and waits until Reporting has taken all of it and projected it.</summary>
    private async Task SeedAsync()
    {
        var bus = Reporting.Services.GetRequiredService<IBus>();
        var messages = ProgrammeSample.Messages();
        await bus.PublishEventsAsync(messages);
        var store = Reporting.Services.GetRequiredService<IDocumentStore>();
        await Eventually.UntilAsync(async () =>
        {
            await using var session = store.QuerySession();
            return await session.Query<HandledMessage>().CountAsync();
        }, handled => handled >= messages.Count, $"Reporting to consume the {messages.Count} messages of the sample", TimeSpan.FromSeconds(120));
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>/indicators for <paramref name="query"/> as the reporting officer gets it.</summary>
    public async Task<JsonObject> IndicatorsAsync(string query)
    {
        using var client = Reporting.ClientWith(OfficerToken);
        var response = await client.GetAsync("/indicators?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Reporting.DisposeAsync();
        await IdentityProvider.DisposeAsync();
        await _backend.DisposeAsync();
    }
}

[CollectionDefinition(DashboardFixture.Collection)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>;
