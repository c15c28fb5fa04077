using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Reintegration.ServiceDefaults.Access;

/// <summary>
/// Refuses to start a service with an endpoint that declares neither a scope nor that it is
/// public: an endpoint added later without thought is a failed start, not an open door.
/// </summary>
public sealed class EndpointScopeGuard : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app); // the pipeline, endpoints included, is built here
        var undeclared = Undeclared(app.ApplicationServices.GetRequiredService<EndpointDataSource>().Endpoints);
        if (undeclared.Count > 0)
            throw new InvalidOperationException(
                $"Endpoints without a declared scope (call RequireScope, or AllowAnonymous for a public one): {string.Join(", ", undeclared)}");
    };

    public static IReadOnlyList<string> Undeclared(IEnumerable<Endpoint> endpoints) => endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<RequiredScope>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
        .Select(e => $"{string.Join("|", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}")
        .ToList();
}
