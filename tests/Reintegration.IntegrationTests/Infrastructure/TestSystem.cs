using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.Reporting;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.Training;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// The services under test, each hosted in this process against the same isolated PostgreSQL
/// database and RabbitMQ virtual host, started when a test first needs them (so a test can
/// start Reporting after the others have published).
/// </summary>
public sealed class TestSystem : IAsyncDisposable
{
    private readonly Dictionary<Type, IAsyncDisposable> _hosts = new();
    private readonly IReadOnlyDictionary<string, string>? _settings;

    private TestSystem(IsolatedBackend backend, IReadOnlyDictionary<string, string>? settings)
    {
        Backend = backend;
        _settings = settings;
    }

    public IsolatedBackend Backend { get; }

    public static async Task<TestSystem> CreateAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        new(await IsolatedBackend.CreateAsync(), settings);

    /// <summary>With settings that name the isolated backend (its database, its virtual host).</summary>
    public static async Task<TestSystem> CreateAsync(Func<IsolatedBackend, IReadOnlyDictionary<string, string>> settings)
    {
        var backend = await IsolatedBackend.CreateAsync();
        return new TestSystem(backend, settings(backend));
    }

    public ServiceHost<IntakeService> Intake => Host<IntakeService>();
    public ServiceHost<CounsellingService> Counselling => Host<CounsellingService>();
    public ServiceHost<TrainingService> Training => Host<TrainingService>();
    public ServiceHost<ReportingService> Reporting => Host<ReportingService>();

    public bool IsRunning<TMarker>() => _hosts.ContainsKey(typeof(TMarker));

    /// <summary>The service's host, started on first use; <paramref name="services"/> adds test-only parts to it.</summary>
    public ServiceHost<TMarker> Host<TMarker>(Action<IServiceCollection>? services = null) where TMarker : class
    {
        if (!_hosts.TryGetValue(typeof(TMarker), out var host))
        {
            var created = new ServiceHost<TMarker>(Backend, _settings, services);
            _ = created.Server; // starts the host: Marten schema, daemon, bus
            _hosts[typeof(TMarker)] = host = created;
        }

        return (ServiceHost<TMarker>)host;
    }

    /// <summary>Waits until everything of the service works (<c>/health/detail</c>: database, broker and daemon), not only what readiness routes on.</summary>
    public async Task WaitUntilReadyAsync<TMarker>() where TMarker : class
    {
        using var client = Host<TMarker>().CreateClient();
        await Eventually.UntilAsync(async () => (await client.GetAsync("/health/detail")).IsSuccessStatusCode, ok => ok,
            $"{typeof(TMarker).Name} to be ready");
    }

    /// <summary>
    /// <c>GET /indicators</c> in detail mode unless the query names a mode: tests assert exact
    /// figures, small ones included, and the test token has <c>reports:detail</c>.
    /// </summary>
    public async Task<JsonObject> IndicatorsAsync(string query = "")
    {
        using var client = Reporting.CreateClient();
        var mode = query.Contains("disclosure=", StringComparison.Ordinal) ? "" : (query.Length == 0 ? "?" : "&") + "disclosure=detail";
        return (await client.GetFromJsonAsync<JsonObject>("/indicators" + query + mode))!;
    }

    /// <summary>Indicator values by code, e.g. <c>["returnees-registered"] = 3</c>.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> IndicatorValuesAsync(string query = "") =>
        Values(await IndicatorsAsync(query));

    /// <remarks>A share or mean over nobody has no value (null) and is left out.</remarks>
    public static IReadOnlyDictionary<string, decimal> Values(JsonObject report) =>
        report["indicators"]!.AsArray().Where(i => i!["value"] is not null).ToDictionary(i => (string)i!["code"]!, i => (decimal)i!["value"]!);

    /// <summary>Real events of a service's store (Marten writes tombstones for reserved sequence numbers after a failed commit).</summary>
    public Task<long> EventCountAsync<TMarker>() where TMarker : class =>
        Backend.ScalarAsync<long>($"select count(*) from {Schema<TMarker>()}.mt_events where type <> 'tombstone'");

    /// <summary>The service's schema, its host started so that the schema exists.</summary>
    public string Schema<TMarker>() where TMarker : class => Host<TMarker>().Services.GetRequiredService<ServiceIdentity>().Schema;

    /// <summary>
    /// Waits until the service's outbox subscription has published everything its store holds,
    /// so a test knows the messages are on the broker (or in a queue) before it goes on.
    /// </summary>
    public async Task WaitUntilPublishedAsync<TMarker>() where TMarker : class
    {
        var store = Store<TMarker>();
        await Eventually.UntilAsync(async () =>
        {
            var ceiling = (await store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber;
            var progress = await store.Advanced.AllProjectionProgress();
            var published = progress.FirstOrDefault(p => p.ShardName.StartsWith(IntegrationEventPublisher.SubscriptionName))?.Sequence ?? 0;
            return (published, ceiling);
        }, p => p.published >= p.ceiling, $"{typeof(TMarker).Name} to publish all its events");
    }

    public IDocumentStore Store<TMarker>() where TMarker : class => Host<TMarker>().Services.GetRequiredService<IDocumentStore>();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values) await host.DisposeAsync();
        _hosts.Clear();
        await Backend.DisposeAsync();
    }
}
