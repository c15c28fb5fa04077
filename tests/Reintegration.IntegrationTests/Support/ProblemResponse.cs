using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace Reintegration.IntegrationTests.Support;

public static class ProblemResponse
{
    /// <summary>Asserts an RFC 9457 problem of this status and kind (the slug of its type); returns it.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string kind)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal($"urn:reintegration:problem:{kind}", (string?)problem["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        return problem;
    }

    /// <summary>The statuses of a batch answer's results, in order.</summary>
    public static async Task<JsonArray> BatchResultsAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["results"]!.AsArray();
    }
}
