using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Reintegration.ServiceDefaults.Hosting;

/// <summary>
/// How long a stopping replica (SIGTERM: a rollout, a scale-down, a drained node) may take to
/// finish what it started. What ASP.NET Core, MassTransit and Marten already do on SIGTERM, in
/// this order because the web server's hosted service is registered last and hosted services stop
/// in reverse: Kestrel stops accepting connections and lets the requests in flight finish (a
/// batch is answered in full; one cut off at the deadline is answered on the partner's resend,
/// accepted or duplicate, since its events and ingestion records commit together); MassTransit
/// stops its receive endpoints and waits for the consumers' batches in flight (unacknowledged
/// messages go back to the queue for another replica); the async daemon stops its agents and lets another replica take
/// its lock (a page of integration events that was not recorded as published is published again,
/// and consumers skip what they had). All of it shares one budget, the host's shutdown timeout:
/// <c>Hosting:ShutdownTimeoutSeconds</c>. What is added here is that budget, from configuration,
/// and a consumer deadline inside it, so that a batch stuck in its retries is cancelled and handed
/// back before the host gives up on the bus. Kubernetes' terminationGracePeriodSeconds must exceed
/// the budget plus the preStop pause (deploy/kubernetes).
/// </summary>
public static class GracefulShutdown
{
    public const string TimeoutKey = "Hosting:ShutdownTimeoutSeconds";

    /// <summary>Kubernetes' default grace period is 30 s; this leaves room for a 5 s preStop pause.</summary>
    public const int DefaultTimeoutSeconds = 25;

    public static TimeSpan Timeout(IConfiguration configuration) =>
        TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue(TimeoutKey, DefaultTimeoutSeconds)));

    public static IHostApplicationBuilder AddGracefulShutdown(this IHostApplicationBuilder builder)
    {
        var timeout = Timeout(builder.Configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = timeout);
        // Counted from when the bus starts stopping (after Kestrel's drain, seconds at most): then
        // the consumers' CancellationToken fires, a batch still retrying is not committed and its
        // unacknowledged messages are redelivered to another replica.
        builder.Services.Configure<MassTransitHostOptions>(o => o.ConsumerStopTimeout = timeout * 0.6);
        return builder;
    }
}
