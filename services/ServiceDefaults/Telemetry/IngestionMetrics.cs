using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>Counts partner events by type and outcome, so an operator sees rejections rise.</summary>
public sealed class IngestionMetrics
{
    public static readonly ActivitySource Activity = new(TelemetryExtensions.IngestionSource);
    private readonly Counter<long> _events;

    public IngestionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryExtensions.IngestionSource);
        _events = meter.CreateCounter<long>("reintegration.ingestion.events", unit: "{event}",
            description: "Partner events received, by type and outcome");
    }

    public void Record(string? type, string outcome) =>
        _events.Add(1, new KeyValuePair<string, object?>("event.type", type ?? "unknown"),
            new KeyValuePair<string, object?>("outcome", outcome));
}
