using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.IntegrationTests.ReportingFacts;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// One service hosted in the test process against an isolated backend, with the daemon tuned to
/// react within a second or two instead of the production defaults. It trusts the test run's
/// token provider, and its clients carry a token with every scope unless a test gives another.
/// </summary>
public sealed class ServiceHost<TMarker>(
    IsolatedBackend backend, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null,
    string environment = "Testing")
    : WebApplicationFactory<TMarker> where TMarker : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Postgres", backend.Postgres);
        builder.UseSetting("ConnectionStrings:RabbitMq", backend.RabbitMq);
        builder.UseSetting("Daemon:LeadershipPollingMilliseconds", "500");
        builder.UseSetting("Daemon:HealthCheckPollingSeconds", "1");
        builder.UseSetting("Daemon:AgentPauseSeconds", "1");
        builder.UseSetting("Messaging:PublishTimeoutSeconds", "5");
        // Every trace recorded: the telemetry tests follow one post through every hop.
        builder.UseSetting(TraceSampling.RatioKey, "1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Marten", "Warning");
        foreach (var (key, value) in TestTokens.Settings) builder.UseSetting(key, value);
        // The BI reader is a role of the cluster, not of the test's database: a Reporting host
        // started without the password would make it NOLOGIN under a test connecting as it.
        builder.UseSetting("ReportingBi:ReaderPassword", BiReaderTests.Password);
        // Tests poll; the rate-limit test sets its own limits.
        builder.UseSetting("Limits:BurstRequests", "1000000");
        builder.UseSetting("Limits:RequestsPerMinute", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureServices(services);
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Everything);
    }

    /// <summary>A client that sends <paramref name="token"/> (none when null).</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = token is null ? null : TestTokens.Bearer(token);
        return client;
    }
}
