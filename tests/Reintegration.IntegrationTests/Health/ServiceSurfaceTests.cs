using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.Training;
using Xunit;

namespace Reintegration.IntegrationTests.Health;

/// <summary>What the catalogue promises of every service: health endpoints and a published OpenAPI document.</summary>
public sealed class ServiceSurfaceTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    public static TheoryData<string, string[]> Services => new()
    {
        { nameof(IntakeService), ["/events", "/returnees", "/returnees/{id}"] },
        { nameof(CounsellingService), ["/events"] },
        { nameof(TrainingService), ["/events"] },
        { nameof(ReportingService), ["/indicators", "/returnees/{id}/journey"] },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_answers_health_and_publishes_its_operations_in_openapi(string service, string[] paths)
    {
        using var client = Client(service);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        // A load balancer routes on the database alone; the operator's detail shows everything.
        var ready = await Eventually.UntilAsync(() => client.GetAsync("/health/ready"), r => r.IsSuccessStatusCode, $"{service} to be ready");
        Assert.Equal(["postgres"], (await ready.Content.ReadFromJsonAsync<JsonObject>())!["checks"]!.AsObject().Select(c => c.Key));
        var detail = await Eventually.UntilAsync(() => client.GetAsync("/health/detail"), r => r.IsSuccessStatusCode, $"{service} to be healthy");
        var checks = (await detail.Content.ReadFromJsonAsync<JsonObject>())!["checks"]!.AsObject();
        // A service that consumes also counts the messages waiting in its error queue.
        string[] expected = service == nameof(IntakeService)
            ? ["async-daemon", "masstransit-bus", "postgres"]
            : ["async-daemon", "error-queue", "masstransit-bus", "postgres"];
        Assert.Equal(expected, checks.Select(c => c.Key).Order());

        var openApi = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var published = openApi!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.All(paths, path => Assert.Contains(path, published));
    }

    private HttpClient Client(string service) => service switch
    {
        nameof(IntakeService) => fixture.System.Intake.CreateClient(),
        nameof(CounsellingService) => fixture.System.Counselling.CreateClient(),
        nameof(TrainingService) => fixture.System.Training.CreateClient(),
        _ => fixture.System.Reporting.CreateClient(),
    };
}
