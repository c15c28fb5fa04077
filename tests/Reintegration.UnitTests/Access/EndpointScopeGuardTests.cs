using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Reintegration.ServiceDefaults.Access;

namespace Reintegration.UnitTests.Access;

public sealed class RefusingEndpointsWithoutADeclaredScopeTests
{
    private static Endpoint Route(string pattern, params object[] metadata) =>
        new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0,
            new EndpointMetadataCollection(metadata.Append(new HttpMethodMetadata(["GET"]))), pattern);

    [Fact]
    public void An_endpoint_with_a_scope_is_declared() =>
        Assert.Empty(EndpointScopeGuard.Undeclared([Route("/indicators", new RequiredScope(Scopes.ReportsRead))]));

    [Fact]
    public void An_endpoint_marked_public_is_declared() =>
        Assert.Empty(EndpointScopeGuard.Undeclared([Route("/health/live", new AllowAnonymousAttribute())]));

    [Fact]
    public void An_endpoint_with_neither_is_named() =>
        Assert.Equal(["GET /forgotten"], EndpointScopeGuard.Undeclared(
            [Route("/indicators", new RequiredScope(Scopes.ReportsRead)), Route("/forgotten")]));
}
