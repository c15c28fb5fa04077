using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>
/// The outbox's publish spans and what consumers measure: the size of each batch they take and
/// how long after its event was committed upstream each message's effects were committed here.
/// </summary>
public sealed class MessagingTelemetry
{
    public const string SourceName = "Reintegration.Messaging";

    /// <summary>Header with the upstream event's commit time (round-trip format), for the consumer lag.</summary>
    public const string EventTimestampHeader = "reintegration-event-timestamp";

    public static readonly ActivitySource Source = new(SourceName);

    private readonly Histogram<long> _batchSize;
    private readonly Histogram<double> _lag;
    private readonly KeyValuePair<string, object?> _service;

    public MessagingTelemetry(IMeterFactory meters, ServiceIdentity service)
    {
        var meter = meters.Create(SourceName);
        _service = new(TelemetryTags.Service, service.Name);
        _batchSize = meter.CreateHistogram("reintegration.messaging.consumer.batch.size", unit: "{message}",
            description: "Messages a consumer took in one batch",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = TelemetryTags.SizeBuckets });
        _lag = meter.CreateHistogram("reintegration.messaging.consumer.lag", unit: "s",
            description: "From the event's commit in the publishing service to the commit of its effects in this one",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryTags.SecondsBuckets });
    }

    public static string FormatTimestamp(DateTimeOffset timestamp) => timestamp.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(string? text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    public void RecordBatch(string queue, string messageType, int size) =>
        _batchSize.Record(size, _service, new(TelemetryTags.Queue, queue), new(TelemetryTags.EventType, messageType));

    public void RecordCommitted(string queue, string messageType, DateTimeOffset eventCommittedAt, DateTimeOffset now) =>
        _lag.Record(Math.Max(0, (now - eventCommittedAt).TotalSeconds), _service, new(TelemetryTags.Queue, queue), new(TelemetryTags.EventType, messageType));
}
