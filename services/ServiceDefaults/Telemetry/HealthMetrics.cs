using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>
/// What <c>/health/detail</c> says, as a metric an alert can watch without anyone polling the
/// endpoint: every <c>Telemetry:SampleSeconds</c> (15) each check is run and reported 1 when
/// healthy, 0 when not (<c>postgres</c>, <c>masstransit-bus</c>, <c>async-daemon</c>,
/// <c>error-queue</c>). Running the checks also keeps the error queue's depth gauge current
/// and the daemon's stall clock running.
/// </summary>
public sealed class HealthMetrics : BackgroundService
{
    private readonly HealthCheckService _checks;
    private readonly TimeSpan _period;
    private readonly KeyValuePair<string, object?> _service;
    private volatile IReadOnlyDictionary<string, bool> _latest = new Dictionary<string, bool>();

    public HealthMetrics(HealthCheckService checks, IServiceProvider services, IMeterFactory meters, ServiceIdentity service, IConfiguration configuration)
    {
        _checks = checks;
        _period = TelemetryExtensions.SamplePeriod(configuration);
        _service = new(TelemetryTags.Service, service.Name);
        // A consuming service's error-queue gauge exists from the start, not from its first probe.
        _ = services.GetService<ErrorQueue>();
        meters.Create(TelemetryExtensions.HealthSource).CreateObservableGauge("reintegration.health.healthy",
            () => _latest.Select(c => new Measurement<int>(c.Value ? 1 : 0, _service, new(TelemetryTags.Check, c.Key))), unit: "{check}",
            description: "1 while the health check is healthy, 0 while it is not (degraded or unhealthy), as last run");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first reading one period after start: not in the middle of the schema migration at start-up.
        using var timer = new PeriodicTimer(_period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var report = await _checks.CheckHealthAsync(stoppingToken);
                _latest = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy);
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The checks catch their own failures; whatever escapes leaves no reading rather than a stale one.
                _latest = new Dictionary<string, bool>();
            }
        }
    }
}
