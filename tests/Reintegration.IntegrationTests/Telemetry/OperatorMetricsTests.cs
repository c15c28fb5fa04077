using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.ServiceDefaults.Telemetry;
using Reintegration.Training;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Telemetry;

/// <summary>
/// Each metric an operator's dashboard and alerts read is exported, by the in-memory exporter,
/// with the attributes they group by and nothing else: ingestion outcomes by service and type,
/// batch sizes, consumer lag, daemon lag, error-queue depth in every consuming service, health
/// checks, indicator query time.
/// </summary>
public sealed class OperatorMetricsTests : IAsyncLifetime
{
    private const string Registered = "reintegration.intake.returnee-registered.v1";
    private static readonly HashSet<string> AllowedAttributes =
        [TelemetryTags.Service, TelemetryTags.EventType, TelemetryTags.Outcome, TelemetryTags.Shard, TelemetryTags.Queue, TelemetryTags.Check];

    private readonly TelemetryCapture _telemetry = new();
    private TestSystem _system = null!;

    public async Task InitializeAsync()
    {
        // The gauges that need a query are read every second instead of every 15.
        _system = await TestSystem.CreateAsync(new Dictionary<string, string> { ["Telemetry:SampleSeconds"] = "1" });
        _telemetry.Started(_system.Host<IntakeService>(_telemetry.Capture).Services);
        _telemetry.Started(_system.Host<CounsellingService>(_telemetry.Capture).Services);
        _telemetry.Started(_system.Host<TrainingService>(_telemetry.Capture).Services);
        _telemetry.Started(_system.Host<ReportingService>(_telemetry.Capture).Services);
        await _system.WaitUntilReadyAsync<IntakeService>();
        await _system.WaitUntilReadyAsync<ReportingService>();
    }

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Every_operator_metric_is_exported_with_its_attributes_and_no_other()
    {
        var first = Registration(Guid.NewGuid());
        var invalid = Registration(Guid.NewGuid(), age: 300);
        var unknown = Envelope("reintegration.intake.no-such-thing.v1", Guid.NewGuid(), new JsonObject());
        using var intake = _system.Intake.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync("/events", Batch(first, Registration(Guid.NewGuid()), invalid, unknown))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync("/events", Single(first))).StatusCode);
        await Eventually.UntilAsync(() => _system.IndicatorValuesAsync(), v => v.GetValueOrDefault("returnees-registered") == 2, "Reporting to count both registrations");
        await _system.WaitUntilPublishedAsync<IntakeService>();
        await _system.IndicatorsAsync(); // the same question again: answered from the cache

        var metrics = await Eventually.UntilAsync(() => Task.FromResult(_telemetry.FlushMetrics()),
            m => Points(m, "reintegration.daemon.lag").Any(p => Is(p, "service", "intake") && Is(p, "shard", "integration-events:All") && p.Value == 0)
                // Each service samples its daemon on a schedule of its own: Reporting's first sample may come after Intake's.
                && Points(m, "reintegration.daemon.lag").Any(p => Is(p, "service", "reporting") && Is(p, "shard", "returnee_facts:All"))
                && Points(m, "reintegration.messaging.error_queue.messages").Select(p => p.Tags[TelemetryTags.Queue]).Distinct().Count() == 3,
            "Intake's publishing lag to read 0 once everything is published, Reporting's daemon to be sampled, and every consuming service's error queue to be counted");

        var events = Points(metrics, "reintegration.ingestion.events").ToList();
        Assert.Contains(events, p => Is(p, "service", "intake") && Is(p, "event.type", Registered) && Is(p, "outcome", "accepted") && p.Value == 2);
        Assert.Contains(events, p => Is(p, "service", "intake") && Is(p, "event.type", Registered) && Is(p, "outcome", "duplicate") && p.Value == 1);
        Assert.Contains(events, p => Is(p, "service", "intake") && Is(p, "event.type", Registered) && Is(p, "outcome", "rejected") && p.Value == 1);
        // A type outside the catalogue is whatever a partner typed: it is not an attribute.
        Assert.Contains(events, p => Is(p, "service", "intake") && Is(p, "event.type", "unknown") && Is(p, "outcome", "rejected"));
        Assert.DoesNotContain(events, p => Is(p, "event.type", "reintegration.intake.no-such-thing.v1"));

        Assert.Contains(Points(metrics, "reintegration.ingestion.batch.size"), p => Is(p, "service", "intake") && p.Count == 2 && p.Sum == 5);
        Assert.Contains(Points(metrics, "reintegration.messaging.consumer.batch.size"),
            p => Is(p, "service", "reporting") && Is(p, "queue", "reporting") && Is(p, "event.type", "ReturneeRegistered") && p.Sum >= 2);
        Assert.Contains(Points(metrics, "reintegration.messaging.consumer.lag"),
            p => Is(p, "service", "reporting") && Is(p, "queue", "reporting") && Is(p, "event.type", "ReturneeRegistered") && p.Count == 2);

        Assert.Contains(Points(metrics, "reintegration.daemon.lag"), p => Is(p, "service", "intake") && Is(p, "shard", "HighWaterMark"));
        Assert.Contains(Points(metrics, "reintegration.daemon.lag"), p => Is(p, "service", "reporting") && Is(p, "shard", "returnee_facts:All"));
        Assert.Contains(Points(metrics, "reintegration.daemon.lag.age"), p => Is(p, "service", "intake") && Is(p, "shard", "integration-events:All"));

        foreach (var queue in new[] { "counselling_error", "training_error", "reporting_error" })
            Assert.Contains(Points(metrics, "reintegration.messaging.error_queue.messages"), p => Is(p, "queue", queue) && p.Value == 0);
        foreach (var service in new[] { "intake", "counselling", "training", "reporting" })
            Assert.Contains(Points(metrics, "reintegration.health.healthy"), p => Is(p, "service", service) && Is(p, "check", "postgres"));
        Assert.Contains(Points(metrics, "reintegration.health.healthy"), p => Is(p, "service", "reporting") && Is(p, "check", "error-queue") && p.Value == 1);

        var queries = Points(metrics, "reintegration.reporting.indicator_query.duration").ToList();
        Assert.Contains(queries, p => Is(p, "service", "reporting") && Is(p, "outcome", "computed"));
        Assert.Contains(queries, p => Is(p, "service", "reporting") && Is(p, "outcome", "cached"));

        var own = metrics.Where(m => m.Name.StartsWith("reintegration.", StringComparison.Ordinal)).ToList();
        var keys = own.SelectMany(m => m.MetricPoints).SelectMany(p => Tags(p).Keys).ToHashSet();
        Assert.Subset(AllowedAttributes, keys);
    }

    [Fact]
    public async Task The_daemon_lag_counts_what_a_paused_daemon_has_not_processed_and_how_old_it_is()
    {
        var coordinator = _system.Intake.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        using var intake = _system.Intake.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync("/events", Batch(Registration(Guid.NewGuid()), Registration(Guid.NewGuid()), Registration(Guid.NewGuid())))).StatusCode);
        var committed = await _system.EventCountAsync<IntakeService>();

        var behind = Assert.Single(await _system.Intake.Services.GetRequiredService<DaemonLagMetrics>().ReadAsync(CancellationToken.None),
            s => s.Shard == "integration-events:All");
        Assert.True(behind.Events >= committed && committed >= 3, $"{behind.Events} events behind of {committed} committed");
        Assert.True(behind.Seconds > 0, $"the oldest unprocessed event is {behind.Seconds}s old");
        await Eventually.UntilAsync(() => Task.FromResult(_telemetry.FlushMetrics()),
            m => Points(m, "reintegration.daemon.lag").Any(p => Is(p, "service", "intake") && Is(p, "shard", "integration-events:All") && p.Value >= committed)
                && Points(m, "reintegration.daemon.lag.age").Any(p => Is(p, "service", "intake") && Is(p, "shard", "integration-events:All") && p.Sum > 0),
            "the exported lag of Intake's outbox to show the unpublished events and their age");

        await coordinator.ResumeAsync();
        await Eventually.UntilAsync(() => Task.FromResult(_telemetry.FlushMetrics()),
            m => Points(m, "reintegration.daemon.lag.age").Any(p => Is(p, "service", "intake") && Is(p, "shard", "integration-events:All") && p.Sum == 0)
                && Points(m, "reintegration.daemon.lag").Any(p => Is(p, "service", "intake") && Is(p, "shard", "integration-events:All") && p.Value == 0),
            "the lag to fall back to 0 once the daemon runs again");
    }

    private static bool Is(Point point, string key, string value) => point.Tags.TryGetValue(key, out var v) && v as string == value;

    /// <summary>Every point of the metric named: its attributes, its value (a sum, a gauge's value, truncated) and, for a histogram its count and sum, for a double gauge its exact value as Sum.</summary>
    private static IEnumerable<Point> Points(IEnumerable<MetricSnapshot> metrics, string name)
    {
        foreach (var metric in metrics.Where(m => m.Name == name))
            foreach (var point in metric.MetricPoints)
                yield return metric.MetricType switch
                {
                    MetricType.LongSum => new Point(Tags(point), point.GetSumLong(), 0, 0),
                    MetricType.LongGauge => new Point(Tags(point), point.GetGaugeLastValueLong(), 0, 0),
                    MetricType.DoubleGauge => new Point(Tags(point), (long)point.GetGaugeLastValueDouble(), 0, point.GetGaugeLastValueDouble()),
                    MetricType.Histogram => new Point(Tags(point), 0, point.GetHistogramCount(), point.GetHistogramSum()),
                    _ => new Point(Tags(point), 0, 0, 0),
                };
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
        return tags;
    }

    private sealed record Point(Dictionary<string, object?> Tags, long Value, long Count, double Sum);
}
