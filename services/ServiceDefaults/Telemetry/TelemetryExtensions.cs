using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>
/// Traces, metrics and logs for every service, exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Personal data never goes into a log message or a
/// span attribute: code logs identifiers (UUIDs, event ids), never names, phones or notes; the
/// services' own metrics carry only the attributes of <see cref="TelemetryTags"/>. Traces are
/// sampled whole (<see cref="TraceSampling"/>). What is traced and measured: docs/operations.md,
/// "Telemetry".
/// </summary>
public static class TelemetryExtensions
{
    public const string IngestionSource = "Reintegration.Ingestion";
    public const string DaemonSource = "Reintegration.Daemon";
    public const string HealthSource = "Reintegration.Health";

    /// <summary>Every source and meter of the services' own code.</summary>
    private const string OwnSources = "Reintegration.*";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, ServiceIdentity service)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName: $"reintegration-{service.Name}"))
            .WithTracing(tracing => tracing
                .SetSamplerUnlessConfigured(TraceSampling.From(builder.Configuration, builder.Environment))
                .AddSource(OwnSources, "Marten", "MassTransit", "Npgsql")
                .AddAspNetCoreInstrumentation(o =>
                    // Health probes every few seconds would drown the traces that matter.
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                // Before any exporter: what it drops, no exporter sees.
                .AddProcessor(new UnparentedDatabaseCallFilter()))
            .WithMetrics(metrics => metrics
                .AddMeter(OwnSources, "Marten", "MassTransit", "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();

        builder.Services.AddSingleton<MessagingTelemetry>();
        builder.Services.AddHostedService<HealthMetrics>();
        builder.Services.AddSingleton<DaemonLagMetrics>().AddHostedService(sp => sp.GetRequiredService<DaemonLagMetrics>());
        return builder;
    }

    private static TracerProviderBuilder SetSamplerUnlessConfigured(this TracerProviderBuilder tracing, Sampler? sampler) =>
        sampler is null ? tracing : tracing.SetSampler(sampler);

    /// <summary>How often the gauges that need a query (health, daemon lag) are read: <c>Telemetry:SampleSeconds</c>, 15 by default.</summary>
    public static TimeSpan SamplePeriod(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Telemetry:SampleSeconds", 15.0)));

    /// <summary>
    /// Drops the database calls made outside any operation (the daemon's polling, the health
    /// samplers): a root span every second per replica would bury the traces that matter. A call
    /// inside a request, a consumer, a publish or a projection page is kept.
    /// </summary>
    private sealed class UnparentedDatabaseCallFilter : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if (data.Source.Name == "Npgsql" && data.ParentSpanId == default) data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
