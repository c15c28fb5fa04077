using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.IntegrationTests.Support;
using Reintegration.Reporting;
using Reintegration.ServiceDefaults.Access;
using Reintegration.Tokens;
using Reintegration.Training;
using Xunit;

namespace Reintegration.IntegrationTests.Access;

/// <summary>
/// Every endpoint of every running service, read from its endpoint metadata (so a new endpoint
/// is in the matrix without anyone editing this test), against every kind of caller: no token,
/// an expired one, one from another issuer, one per single scope, and all scopes with the
/// wrong sources. An endpoint that declares no scope fails here as it fails at start-up.
/// </summary>
public sealed class AuthorizationMatrixTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private const string ForeignSource = "urn:partner:someone-else";

    public static TheoryData<string> Services => [nameof(IntakeService), nameof(CounsellingService), nameof(TrainingService), nameof(ReportingService)];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_its_declared_scope_says(string service)
    {
        var (endpoints, client) = Service(service);
        Assert.Empty(EndpointScopeGuard.Undeclared(endpoints));
        var routes = endpoints.OfType<RouteEndpoint>().SelectMany(Requests).ToList();
        Assert.NotEmpty(routes);

        var wrong = new List<string>();
        foreach (var route in routes)
        foreach (var (caller, token, expected) in Callers(route))
        {
            using var request = route.Build(token);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var met = expected switch
            {
                Expect.Unauthenticated => status == 401 && await IsProblem(response, "unauthenticated"),
                Expect.Forbidden => status == 403 && await IsProblem(response, "insufficient-scope"),
                Expect.ForbiddenSource => status == 403 && await IsProblem(response, "forbidden-source"),
                _ => status is not (401 or 403),
            };
            if (!met) wrong.Add($"{route} as {caller}: expected {expected}, got {status} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>The grants of the catalogue's Access table, for the endpoints that exist so far.</summary>
    public static TheoryData<string, string, string, string> Grants => new()
    {
        { nameof(IntakeService), "POST", "/events", Scopes.EventsWrite },
        { nameof(IntakeService), "POST", "/returnees", Scopes.ReturneesWrite },
        { nameof(IntakeService), "GET", "/returnees/{id:guid}", Scopes.ReturneesRead },
        { nameof(IntakeService), "GET", "/returnees", Scopes.ReturneesRead },
        { nameof(IntakeService), "POST", "/returnees/{id:guid}/consent", Scopes.ReturneesWrite },
        { nameof(IntakeService), "POST", "/returnees/{id:guid}/screenings", Scopes.ReturneesWrite },
        { nameof(IntakeService), "POST", "/returnees/{id:guid}/plans", Scopes.ReturneesWrite },
        { nameof(IntakeService), "POST", "/returnees/{id:guid}/surveys", Scopes.ReturneesWrite },
        { nameof(IntakeService), "POST", "/returnees/{id:guid}/closure", Scopes.ReturneesWrite },
        { nameof(IntakeService), "POST", "/returnees/{id:guid}/reopening", Scopes.ReturneesWrite },
        { nameof(IntakeService), "GET", "/audit", Scopes.Operations },
        { nameof(CounsellingService), "POST", "/events", Scopes.EventsWrite },
        { nameof(CounsellingService), "GET", "/risk-flags", Scopes.ReturneesRead },
        { nameof(CounsellingService), "GET", "/counsellors/{counsellor}/caseload", Scopes.ReturneesRead },
        { nameof(CounsellingService), "GET", "/returnees/{id:guid}/referrals", Scopes.ReturneesRead },
        { nameof(TrainingService), "POST", "/events", Scopes.EventsWrite },
        { nameof(TrainingService), "GET", "/workers/{id:guid}", Scopes.ReportsRead },
        { nameof(TrainingService), "GET", "/workers", Scopes.ReportsRead },
        { nameof(TrainingService), "GET", "/trainings/{id:guid}", Scopes.ReportsRead },
        { nameof(ReportingService), "GET", "/indicators", Scopes.ReportsRead },
        { nameof(ReportingService), "GET", "/returnees/{id:guid}/journey", Scopes.JourneysRead },
        { nameof(CounsellingService), "POST", "/operations/redrive", Scopes.Operations },
        { nameof(TrainingService), "POST", "/operations/redrive", Scopes.Operations },
        { nameof(ReportingService), "POST", "/operations/redrive", Scopes.Operations },
    };

    [Theory]
    [MemberData(nameof(Grants))]
    public void Each_endpoint_needs_the_scope_the_catalogue_grants_it_with(string service, string method, string route, string scope)
    {
        var endpoint = Service(service).Endpoints.OfType<RouteEndpoint>().Single(e =>
            e.RoutePattern.RawText == route && e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Contains(method));
        Assert.Equal(scope, endpoint.Metadata.GetMetadata<RequiredScope>()?.Scope);
    }

    private enum Expect { Allowed, Unauthenticated, Forbidden, ForbiddenSource }

    private static IEnumerable<(string Caller, string? Token, Expect Expected)> Callers(RouteRequest route)
    {
        var scope = route.Scope;
        var protectedOrAllowed = scope is null ? Expect.Allowed : Expect.Unauthenticated;
        yield return ("no token", null, protectedOrAllowed);
        yield return ("an expired token", TestTokens.Provider.Mint(new TokenRequest(Scopes.All, [PartnerEvents.Source])
            { IssuedAt = DateTimeOffset.UtcNow.AddHours(-3), Lifetime = TimeSpan.FromHours(1) }), protectedOrAllowed);
        yield return ("a token from another issuer", TestTokens.Stranger.Mint(new TokenRequest(Scopes.All, [PartnerEvents.Source])), protectedOrAllowed);
        foreach (var single in Scopes.All)
            yield return ($"only {single}", TestTokens.Mint([single], [PartnerEvents.Source]),
                scope is null || scope == single ? Expect.Allowed : Expect.Forbidden);
        yield return ("all scopes, wrong sources", TestTokens.Mint(Scopes.All, [ForeignSource]),
            route.SourceBound is null ? Expect.Allowed : Expect.ForbiddenSource);
    }

    /// <summary>One request per method of the endpoint, route values filled in, and a body where it takes one.</summary>
    private static IEnumerable<RouteRequest> Requests(RouteEndpoint endpoint)
    {
        var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter =>
                parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString() : parameter.Name == "documentName" ? "v1" : "x",
            _ => "",
        }))));
        foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            yield return new RouteRequest(method, path, endpoint.Metadata.GetMetadata<RequiredScope>()?.Scope,
                endpoint.Metadata.GetMetadata<SourceBound>()?.Location, endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null);
    }

    private sealed record RouteRequest(string Method, string Path, string? Scope, SourceLocation? SourceBound, bool Anonymous)
    {
        public HttpRequestMessage Build(string? token)
        {
            var uri = SourceBound == SourceLocation.Query ? $"{Path}?source={Uri.EscapeDataString(PartnerEvents.Source)}" : Path;
            var request = new HttpRequestMessage(new HttpMethod(Method), uri);
            if (token is not null) request.Headers.Authorization = TestTokens.Bearer(token);
            if (Method is "POST" or "PUT" or "PATCH")
                request.Content = SourceBound == SourceLocation.CloudEvent
                    ? PartnerEvents.Single(PartnerEvents.Registration(Guid.NewGuid()))
                    : new StringContent("{}", Encoding.UTF8, "application/json");
            return request;
        }

        public override string ToString() => $"{Method} {Path}";
    }

    private static async Task<bool> IsProblem(HttpResponseMessage response, params string[] kinds)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return kinds.Any(k => (string?)problem["type"] == $"urn:reintegration:problem:{k}") && !string.IsNullOrWhiteSpace((string?)problem["detail"]);
    }

    private (IReadOnlyList<Microsoft.AspNetCore.Http.Endpoint> Endpoints, HttpClient Client) Service(string service) => service switch
    {
        nameof(IntakeService) => Of(fixture.System.Intake),
        nameof(CounsellingService) => Of(fixture.System.Counselling),
        nameof(TrainingService) => Of(fixture.System.Training),
        _ => Of(fixture.System.Reporting),
    };

    /// <summary>The endpoints as routing knows them, and a client with no token of its own (each request brings one or none).</summary>
    private static (IReadOnlyList<Microsoft.AspNetCore.Http.Endpoint>, HttpClient) Of<T>(ServiceHost<T> host) where T : class =>
        (host.Services.GetRequiredService<EndpointDataSource>().Endpoints, host.ClientWith(null));
}
