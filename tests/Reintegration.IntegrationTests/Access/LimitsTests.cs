using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.Access;
using Xunit;

namespace Reintegration.IntegrationTests.Access;

/// <summary>Reporting with a burst of 5 requests per caller and 1 a minute after it.</summary>
public sealed class LowLimitsFixture : IAsyncLifetime
{
    public TestSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await TestSystem.CreateAsync(new Dictionary<string, string>
    {
        ["Limits:BurstRequests"] = "5",
        ["Limits:RequestsPerMinute"] = "1",
    });

    public async Task DisposeAsync() => await System.DisposeAsync();
}

public sealed class LimitsTests(LowLimitsFixture fixture) : IClassFixture<LowLimitsFixture>
{
    [Fact]
    public async Task A_burst_past_the_limit_gets_429_with_retry_after_and_other_callers_are_unaffected()
    {
        using var eager = fixture.System.Reporting.ClientWith(TestTokens.Mint([Scopes.ReportsRead], [], "eager-officer"));
        using var other = fixture.System.Reporting.ClientWith(TestTokens.Mint([Scopes.ReportsRead], [], "other-officer"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await eager.GetAsync("/indicators")).StatusCode);
        var refused = await eager.GetAsync("/indicators");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("urn:reintegration:problem:too-many-requests", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["type"]);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await eager.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_json_body_over_1_MiB_is_a_413_problem_on_every_endpoint()
    {
        using var desk = fixture.System.Intake.CreateClient();
        var body = new StringContent($$"""{"givenName":"{{new string('a', AccessExtensions.MaxBodyBytes)}}"}""", Encoding.UTF8, "application/json");

        var response = await desk.PostAsync("/returnees", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("urn:reintegration:problem:payload-too-large", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["type"]);
    }
}
