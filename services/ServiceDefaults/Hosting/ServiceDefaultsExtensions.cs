using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Health;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.ServiceDefaults.OpenApi;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.ServiceDefaults.Hosting;

/// <summary>
/// What every service has, once: telemetry, health, problem details, JSON conventions, access
/// control, an OpenAPI document and a graceful shutdown budget. The event store and messaging are added by their own extensions because
/// each service configures them with its own types.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, ServiceIdentity service)
    {
        builder.Services.AddSingleton(service);
        builder.AddGracefulShutdown();
        builder.AddTelemetry(service);
        builder.Services.AddServiceHealthChecks();
        builder.Services.AddProblemResponses();
        builder.AddAccessControl();
        builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));
        builder.Services.AddApiDocumentation(service);
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAccessControl();
        app.MapHealthEndpoints();
        app.MapRedrive();
        app.MapApiDocumentation();
        return app;
    }
}
