using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reintegration.ServiceDefaults.Health;

/// <summary>
/// What a probe routes on, apart from what an operator must see:
/// <c>/health/live</c>: the process answers (no dependency checked, so an outage elsewhere does
/// not get replicas killed). <c>/health/ready</c>: this replica can take a request, which needs
/// its database and nothing else: the event store is the outbox, so partners keep posting through
/// a broker outage and a stalled subscription, and a load balancer must keep sending them.
/// <c>/health/detail</c>: everything an operator on call looks at (the database, the bus as
/// MassTransit sees it, the daemon's progress), 503 when any of it is unhealthy.
/// </summary>
public static class HealthExtensions
{
    /// <summary>Checks a replica cannot take requests without; the only ones readiness asks.</summary>
    public const string ReadyTag = "database";

    public static IServiceCollection AddServiceHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<DaemonProgressMonitor>();
        services.AddSingleton<DaemonProgressReader>();
        services.AddSingleton<DaemonWatchdog>();
        services.AddHostedService(provider => provider.GetRequiredService<DaemonWatchdog>());
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag])
            .AddCheck<DaemonProgressHealthCheck>("async-daemon");
        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // Probes carry no token: they say whether the process and its dependencies work, nothing about returnees.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/health/detail", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
            }),
        }));
    }
}
