using System.Diagnostics.Metrics;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.Reporting.Indicators;

/// <summary>
/// How long answering the indicators takes (<c>GET /indicators</c>, the dashboard, the exports),
/// by whether the answer was computed from the read models or still held by the cache. The
/// question itself (dates, region) is not an attribute: it says nothing an operator needs.
/// </summary>
public sealed class IndicatorMetrics
{
    public const string MeterName = "Reintegration.Reporting";

    private readonly Histogram<double> _duration;
    private readonly KeyValuePair<string, object?> _service;

    public IndicatorMetrics(IMeterFactory meters, ServiceIdentity service)
    {
        _service = new(TelemetryTags.Service, service.Name);
        _duration = meters.Create(MeterName).CreateHistogram("reintegration.reporting.indicator_query.duration", unit: "s",
            description: "Time to answer an indicator question, computed (outcome=computed) or from the cache (outcome=cached)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryTags.SecondsBuckets });
    }

    public void RecordQuery(TimeSpan elapsed, bool computed) =>
        _duration.Record(elapsed.TotalSeconds, _service, new(TelemetryTags.Outcome, computed ? "computed" : "cached"));
}
