using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>
/// Which traces are recorded: a share of them, each whole. The decision is made where a trace
/// starts (a request, a consumer's batch) and every span after it follows its parent's, across
/// services too (the W3C flags travel in the events' and messages' headers), so a recorded trace
/// is never missing a hop.
/// <para>
/// Recording every trace cost the services about a fifth of their CPU under bulk load (measured
/// in <c>build/bench.sh</c>: every accepted event is a dozen spans across the four services, and
/// a 500-event batch one trace of thousands), so outside Development one trace in ten is kept by
/// default: <c>Telemetry:TraceSampleRatio</c> sets the share, and the standard
/// <c>OTEL_TRACES_SAMPLER</c> (e.g. <c>parentbased_always_on</c> while investigating), when set,
/// wins over both. Metrics and logs are not sampled: counts, lags and errors stay complete.
/// </para>
/// </summary>
public static class TraceSampling
{
    public const string RatioKey = "Telemetry:TraceSampleRatio";

    /// <summary>The share of traces recorded outside Development unless configured.</summary>
    public const double DefaultRatio = 0.1;

    /// <summary>The sampler to set, or null when the deployment named one with <c>OTEL_TRACES_SAMPLER</c> (the SDK reads it).</summary>
    public static Sampler? From(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"])) return null;
        var ratio = configuration.GetValue<double?>(RatioKey) ?? (environment.IsDevelopment() ? 1.0 : DefaultRatio);
        if (double.IsNaN(ratio) || ratio is < 0 or > 1)
            throw new InvalidOperationException($"{RatioKey} must be a share between 0 and 1; it is {ratio}.");
        return new ParentBasedSampler(ratio >= 1 ? new AlwaysOnSampler() : new TraceIdRatioBasedSampler(ratio));
    }
}
