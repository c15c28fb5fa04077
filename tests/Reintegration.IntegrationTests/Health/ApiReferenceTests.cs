using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.OpenApi;
using Reintegration.Training;
using Xunit;

namespace Reintegration.IntegrationTests.Health;

/// <summary>
/// Each service's OpenAPI document says what it enforces and takes (the bearer scheme, each
/// operation's scope, every event type's data, every answer's shape), and its reference page works
/// from the service alone, without a token. Fetched with a plain client: both stay anonymous once
/// the endpoints require tokens; what needs a scope is read from the endpoints' own metadata.
/// </summary>
public sealed partial class ApiReferenceTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    public static TheoryData<string> Services => [nameof(IntakeService), nameof(CounsellingService), nameof(TrainingService), nameof(ReportingService)];

    public static TheoryData<string> IngestingServices => [nameof(IntakeService), nameof(CounsellingService), nameof(TrainingService)];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_document_declares_the_bearer_scheme(string service)
    {
        var scheme = (await DocumentAsync(service))["components"]!["securitySchemes"]![BearerSecurityScheme.Name]!;

        Assert.Equal("http", (string?)scheme["type"]);
        Assert.Equal("bearer", (string?)scheme["scheme"]);
        Assert.Equal("JWT", (string?)scheme["bearerFormat"]);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_operation_carries_the_security_its_endpoint_enforces(string service)
    {
        var document = await DocumentAsync(service);
        var endpoints = Endpoints(service);

        foreach (var (path, method, operation) in Operations(document))
        {
            var endpoint = Assert.Single(endpoints, e => e.Path == path && e.Methods.Contains(method, StringComparer.OrdinalIgnoreCase));
            var access = OperationAccess.Of(endpoint.Metadata);
            var security = operation["security"]?.AsArray();
            if (!access.RequiresToken)
            {
                Assert.True(security is null, $"{method} {path} needs no token but the document asks for one");
                continue;
            }

            var requirement = Assert.Single(security!)!.AsObject();
            var scopes = requirement[BearerSecurityScheme.Name]!.AsArray().Select(s => (string)s!).ToList();
            Assert.Equal(access.Scopes, scopes);
            Assert.All(endpoint.Metadata.OfType<RequiredScope>(), s => Assert.Contains(s.Scope, scopes));
            foreach (var status in new[] { "401", "403" })
                Assert.NotNull(operation["responses"]![status]!["content"]![ProblemSchemas.ContentType]!["schema"]);
        }
    }

    [Theory]
    [MemberData(nameof(IngestingServices))]
    public async Task Post_events_takes_one_event_or_a_batch_of_each_type_the_service_handles(string service)
    {
        var document = await DocumentAsync(service);
        var content = document["paths"]!["/events"]!["post"]!["requestBody"]!["content"]!;

        var single = Resolve(document, content[CloudEventsEndpoint.SingleContentType]!["schema"]!);
        var batch = Resolve(document, content[CloudEventsEndpoint.BatchContentType]!["schema"]!);
        Assert.Equal("array", (string?)batch["type"]);
        Assert.Equal(CloudEventsEndpoint.MaxBatchEvents, (int?)batch["maxItems"]);
        Assert.Same(single, Resolve(document, batch["items"]!));

        var documented = single["oneOf"]!.AsArray().Select(e => Resolve(document, e!))
            .ToDictionary(e => (string)e["properties"]!["type"]!["const"]!);
        var handlers = Host(service).GetServices<ICloudEventHandler>().ToList();
        Assert.NotEmpty(handlers);
        Assert.Equal(handlers.Select(h => h.EventType).Order(), documented.Keys.Order());
        foreach (var handler in handlers)
        {
            var envelope = documented[handler.EventType];
            Assert.Equal(["data", "id", "source", "specversion", "subject", "time", "type"],
                envelope["required"]!.AsArray().Select(r => (string)r!).Order());
            var data = Resolve(document, envelope["properties"]!["data"]!);
            Assert.Equal("object", (string?)data["type"]);
            Assert.NotEmpty(data["properties"]!.AsObject());
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_answer_has_a_schema_and_every_problem_is_problem_json(string service)
    {
        var document = await DocumentAsync(service);

        foreach (var (path, method, operation) in Operations(document))
        foreach (var (status, response) in operation["responses"]!.AsObject())
        {
            var content = response!["content"]?.AsObject();
            Assert.True(content is { Count: > 0 }, $"{method} {path} {status} has no body schema");
            if (status.StartsWith('2'))
                Assert.All(content!, c => Assert.True(HasShape(Resolve(document, c.Value!["schema"]!)), $"{method} {path} {status} {c.Key} has an empty schema"));
            else
                Assert.Equal([ProblemSchemas.ContentType], content!.Select(c => c.Key));
        }

        var requestBodies = Operations(document).Select(o => o.Operation["requestBody"]).OfType<JsonNode>();
        Assert.All(requestBodies.SelectMany(b => b["content"]!.AsObject()), c => Assert.True(HasShape(Resolve(document, c.Value!["schema"]!))));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_reference_page_is_served_by_the_service_alone_without_a_token(string service)
    {
        using var client = Client(service);
        var page = await client.GetAsync(ApiDocumentation.ReferencePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        var pageUri = page.RequestMessage!.RequestUri!;

        Assert.DoesNotContain(AbsoluteUrl().Matches(html).Select(m => new Uri(m.Value)), u => u.Host != pageUri.Host);
        Assert.Contains("\"withDefaultFonts\":false", html);
        Assert.Contains("\"telemetry\":false", html);

        var assets = Asset().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            var answer = await client.GetAsync(new Uri(pageUri, asset));
            Assert.True(answer.IsSuccessStatusCode, $"{asset}: {(int)answer.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ApiDocumentation.DocumentPath)).StatusCode);
    }

    [GeneratedRegex("""https?://[^\s"'<>)]+""")]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex("""<(?:script|link)[^>]*\s(?:src|href)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex Asset();

    [GeneratedRegex(@"\{([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private static bool HasShape(JsonObject schema) =>
        schema.ContainsKey("type") || schema.ContainsKey("oneOf") || schema.ContainsKey("anyOf") || schema.ContainsKey("allOf");

    private static JsonObject Resolve(JsonObject document, JsonNode schema) =>
        schema["$ref"] is { } reference
            ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject()
            : schema.AsObject();

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!.AsObject())));

    private sealed record MappedEndpoint(string Path, IReadOnlyList<string> Methods, IReadOnlyList<object> Metadata);

    /// <summary>The service's endpoints as the document names their paths (<c>/returnees/{id:guid}</c> → <c>/returnees/{id}</c>).</summary>
    private List<MappedEndpoint> Endpoints(string service) =>
        Host(service).GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => new MappedEndpoint(
                "/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), "{$1}"),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [],
                e.Metadata.ToList()))
            .ToList();

    private async Task<JsonObject> DocumentAsync(string service)
    {
        using var client = Client(service);
        return (await client.GetFromJsonAsync<JsonObject>(ApiDocumentation.DocumentPath))!;
    }

    private IServiceProvider Host(string service) => service switch
    {
        nameof(IntakeService) => fixture.System.Intake.Services,
        nameof(CounsellingService) => fixture.System.Counselling.Services,
        nameof(TrainingService) => fixture.System.Training.Services,
        _ => fixture.System.Reporting.Services,
    };

    private HttpClient Client(string service) => service switch
    {
        nameof(IntakeService) => fixture.System.Intake.CreateClient(),
        nameof(CounsellingService) => fixture.System.Counselling.CreateClient(),
        nameof(TrainingService) => fixture.System.Training.CreateClient(),
        _ => fixture.System.Reporting.CreateClient(),
    };
}
