using System.Diagnostics;
using System.Diagnostics.Metrics;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>
/// Partner events by service, type and outcome (accepted, duplicate, rejected), so an operator
/// sees rejections rise, and the size of the batches partners post. The type is the CloudEvent
/// type as posted when it is one of the catalogue's, else "unknown": a type is a partner's free
/// text until checked.
/// </summary>
public sealed class IngestionMetrics
{
    public static readonly ActivitySource Activity = new(TelemetryExtensions.IngestionSource);
    private readonly Counter<long> _events;
    private readonly Histogram<long> _batchSize;
    private readonly KeyValuePair<string, object?> _service;

    public IngestionMetrics(IMeterFactory meters, ServiceIdentity service)
    {
        var meter = meters.Create(TelemetryExtensions.IngestionSource);
        _service = new(TelemetryTags.Service, service.Name);
        _events = meter.CreateCounter<long>("reintegration.ingestion.events", unit: "{event}",
            description: "Partner events received, by service, type and outcome (accepted, duplicate, rejected)");
        _batchSize = meter.CreateHistogram("reintegration.ingestion.batch.size", unit: "{event}",
            description: "Events in one POST /events (1 for a single event)",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = TelemetryTags.SizeBuckets });
    }

    public void Record(string? type, string outcome) =>
        _events.Add(1, _service, new(TelemetryTags.EventType, TelemetryTags.KnownEventType(type)), new(TelemetryTags.Outcome, outcome));

    public void RecordBatch(int size) => _batchSize.Record(size, _service);
}
