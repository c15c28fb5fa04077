using System.Collections;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Reintegration.IntegrationTests.Telemetry;

/// <summary>
/// What the services export, kept in memory by OpenTelemetry's in-memory exporters added beside
/// the services' own configuration: spans, metric snapshots and log records, from every host
/// given <see cref="Capture"/>. Hosts of one process share the activity and meter listeners, so
/// a span or a metric may be exported by more than one host: spans are kept once by span id,
/// and metric assertions ask whether a point exists.
/// </summary>
public sealed class TelemetryCapture
{
    private readonly Locked<Activity> _spans = new();
    private readonly Locked<MetricSnapshot> _metrics = new();
    private readonly LogTexts _logs = new();
    private readonly List<IServiceProvider> _hosts = [];

    /// <summary>Adds the in-memory exporters to a host (pass it to <c>TestSystem.Host</c>).</summary>
    public void Capture(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
        // A long interval: a test reads metrics by flushing (FlushMetrics), not on a timer.
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics, o => o.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 3_600_000));
        services.ConfigureOpenTelemetryLoggerProvider(l => l.AddInMemoryExporter(_logs));
    }

    /// <summary>Remembers a started host so that <see cref="FlushMetrics"/> reaches it.</summary>
    public void Started(IServiceProvider host) => _hosts.Add(host);

    public IReadOnlyList<Activity> Spans => _spans.Snapshot().DistinctBy(s => s.SpanId).ToList();

    public IReadOnlyList<Activity> SpansOf(ActivityTraceId trace) => Spans.Where(s => s.TraceId == trace).ToList();

    /// <summary>Every log record as text: category, event name, message, attributes, scopes, exception.</summary>
    public IReadOnlyList<string> Logs => _logs.Snapshot();

    /// <summary>The metrics as exported now: each host's meter provider flushed, the latest snapshot of each stream.</summary>
    public IReadOnlyList<MetricSnapshot> FlushMetrics()
    {
        _metrics.Clear();
        foreach (var host in _hosts) host.GetRequiredService<MeterProvider>().ForceFlush();
        return _metrics.Snapshot();
    }

    /// <summary>The attributes of every point of the metric named, across hosts.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Points(IEnumerable<MetricSnapshot> metrics, string name)
    {
        foreach (var metric in metrics.Where(m => m.Name == name))
            foreach (var point in metric.MetricPoints)
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
                yield return tags;
            }
    }

    /// <summary>Everything a span exports that could hold a value: names, attributes, events, links, baggage, status.</summary>
    public static string Text(Activity span)
    {
        var text = new StringBuilder($"{span.Source.Name} {span.DisplayName} {span.OperationName} {span.StatusDescription}");
        foreach (var (key, value) in span.TagObjects) text.Append($" {key}={value}");
        foreach (var e in span.Events)
        {
            text.Append($" event {e.Name}");
            foreach (var (key, value) in e.Tags) text.Append($" {key}={value}");
        }
        foreach (var link in span.Links)
            foreach (var (key, value) in link.Tags ?? []) text.Append($" link {key}={value}");
        foreach (var (key, value) in span.Baggage) text.Append($" baggage {key}={value}");
        return text.ToString();
    }

    /// <summary>A collection the exporters of several hosts may add to at once.</summary>
    private sealed class Locked<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count { get { lock (_items) return _items.Count; } }
        public bool IsReadOnly => false;
        public void Add(T item) { lock (_items) _items.Add(item); }
        public void Clear() { lock (_items) _items.Clear(); }
        public bool Contains(T item) { lock (_items) return _items.Contains(item); }
        public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }
        public bool Remove(T item) { lock (_items) return _items.Remove(item); }
        public IReadOnlyList<T> Snapshot() { lock (_items) return _items.ToList(); }
        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Log records rendered as they are exported: the SDK reuses a record once its export returns.</summary>
    private sealed class LogTexts : ICollection<LogRecord>
    {
        private readonly Locked<string> _texts = new();

        public int Count => _texts.Count;
        public bool IsReadOnly => false;
        public void Add(LogRecord item) => _texts.Add(Render(item));
        public void Clear() => _texts.Clear();
        public bool Contains(LogRecord item) => false;
        public void CopyTo(LogRecord[] array, int arrayIndex) { }
        public bool Remove(LogRecord item) => false;
        public IReadOnlyList<string> Snapshot() => _texts.Snapshot();
        public IEnumerator<LogRecord> GetEnumerator() => Enumerable.Empty<LogRecord>().GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private static string Render(LogRecord record)
        {
            var text = new StringBuilder($"{record.LogLevel} {record.CategoryName} {record.EventId.Name} {record.FormattedMessage} {record.Body}");
            foreach (var (key, value) in record.Attributes ?? []) text.Append($" {key}={value}");
            record.ForEachScope((scope, builder) =>
            {
                foreach (var (key, value) in scope) builder.Append($" scope {key}={value}");
            }, text);
            if (record.Exception is { } exception) text.Append(' ').Append(exception);
            return text.ToString();
        }
    }
}
