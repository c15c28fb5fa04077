using System.Diagnostics;
using System.Diagnostics.Metrics;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>
/// The outbox's publish spans and what consumers measure: the size of each batch they take and
/// how long after its event was committed upstream each event's effects were committed here.
/// </summary>
public sealed class MessagingTelemetry
{
    public const string SourceName = "Reintegration.Messaging";

    public static readonly ActivitySource Source = new(SourceName);

    private readonly Histogram<long> _batchSize;
    private readonly Histogram<double> _lag;
    private readonly KeyValuePair<string, object?> _service;

    public MessagingTelemetry(IMeterFactory meters, ServiceIdentity service)
    {
        var meter = meters.Create(SourceName);
        _service = new(TelemetryTags.Service, service.Name);
        _batchSize = meter.CreateHistogram("reintegration.messaging.consumer.batch.size", unit: "{event}",
            description: "Integration events a consumer took in one batch (from one or more broker messages)",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = TelemetryTags.SizeBuckets });
        _lag = meter.CreateHistogram("reintegration.messaging.consumer.lag", unit: "s",
            description: "From the event's commit in the publishing service to the commit of its effects in this one",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryTags.SecondsBuckets });
    }

    public void RecordBatch(string queue, string messageType, int size) =>
        _batchSize.Record(size, _service, new(TelemetryTags.Queue, queue), new(TelemetryTags.EventType, messageType));

    public void RecordCommitted(string queue, string messageType, DateTimeOffset eventCommittedAt, DateTimeOffset now) =>
        _lag.Record(Math.Max(0, (now - eventCommittedAt).TotalSeconds), _service, new(TelemetryTags.Queue, queue), new(TelemetryTags.EventType, messageType));
}
