using System.Diagnostics;
using System.Net;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.ServiceDefaults.Telemetry;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Telemetry;

/// <summary>
/// One partner POST is one trace, end to end: the request, the ingestion and its Marten commit in
/// Intake, the outbox's publish from the async daemon (the trace context read back from the
/// event's metadata), the broker (MassTransit's send and receive, the context in the message's
/// headers), Reporting's consumer batch and its commit, and the projection page that makes the
/// registration show in the indicators.
/// </summary>
public sealed class OneTraceTests : IAsyncLifetime
{
    private readonly TelemetryCapture _telemetry = new();
    private TestSystem _system = null!;

    public async Task InitializeAsync()
    {
        _system = await TestSystem.CreateAsync();
        _telemetry.Started(_system.Host<IntakeService>(_telemetry.Capture).Services);
        _telemetry.Started(_system.Host<ReportingService>(_telemetry.Capture).Services);
        await _system.WaitUntilReadyAsync<IntakeService>();
        await _system.WaitUntilReadyAsync<ReportingService>();
    }

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task One_post_is_one_trace_from_the_request_to_the_projection_that_shows_it()
    {
        using var intake = _system.Intake.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Single(Registration(Guid.NewGuid())))).StatusCode);
        await Eventually.UntilAsync(() => _system.IndicatorValuesAsync(), v => v.GetValueOrDefault("returnees-registered") == 1, "Reporting to count the registration");

        var request = Assert.Single(_telemetry.Spans, s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/events");
        // The page's span ends as the page commits, before the indicators can show it; the wait is for the exporter, not for a time.
        var spans = await Eventually.UntilAsync(() => Task.FromResult(_telemetry.SpansOf(request.TraceId)),
            trace => trace.Any(s => s.Source.Name == ProjectionTracing.SourceName && s.GetTagItem(TelemetryTags.Shard) as string == "returnee_facts"),
            "the returnee facts' projection page in the request's trace");

        var ingestion = Assert.Single(spans, s => s.Source.Name == TelemetryExtensions.IngestionSource);
        Assert.Equal(request.SpanId, ingestion.ParentSpanId);
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.ParentSpanId == ingestion.SpanId);

        // Started by the async daemon, outside any request: only the event's metadata ties it to the POST.
        var publish = Assert.Single(spans, s => s.Source.Name == MessagingTelemetry.SourceName && s.DisplayName == "publish ReturneeRegistered");
        Assert.Equal(ingestion.SpanId, publish.ParentSpanId);
        var send = Assert.Single(spans, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer && s.ParentSpanId == publish.SpanId);
        var receive = Assert.Single(spans, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer && s.ParentSpanId == send.SpanId
            && (s.GetTagItem("messaging.destination.name") as string) == "reporting");

        var batch = Assert.Single(spans, s => s.Source.Name == MessagingTelemetry.SourceName && s.DisplayName == "handle ReturneeRegistered batch");
        Assert.True(IsWithin(batch, receive, spans), "the consumer's batch runs within the message's receive span");
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && IsWithin(s, batch, spans));

        var page = Assert.Single(spans, s => s.Source.Name == ProjectionTracing.SourceName && s.GetTagItem(TelemetryTags.Shard) as string == "returnee_facts");
        Assert.Equal(batch.SpanId, page.ParentSpanId);
        Assert.Contains(page.Links, l => l.Context.SpanId == batch.SpanId);
    }

    private static bool IsWithin(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var at = span; byId.TryGetValue(at.ParentSpanId, out var parent); at = parent)
            if (parent.SpanId == ancestor.SpanId) return true;
        return false;
    }
}
