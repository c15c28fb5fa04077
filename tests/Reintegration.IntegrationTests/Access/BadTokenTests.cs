using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.IntegrationTests.Support;
using Reintegration.ServiceDefaults.Access;
using Reintegration.Tokens;
using Xunit;

namespace Reintegration.IntegrationTests.Access;

/// <summary>Whatever arrives in the Authorization header, a bad one is a 401 problem, never a 500 and never a way in.</summary>
public sealed class BadTokenTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private static string Valid => TestTokens.Mint(Scopes.All, [PartnerEvents.Source]);

    public static TheoryData<string, string> Headers => new()
    {
        { "a scheme other than Bearer", "Basic dXNlcjpwYXNz" },
        { "Bearer with nothing after it", "Bearer" },
        { "not a JWT", "Bearer not-a-token" },
        { "three parts of garbage", "Bearer aaa.bbb.ccc" },
        { "a token of 100 kB", "Bearer " + new string('a', 50_000) + "." + new string('b', 50_000) + ".c" },
        { "alg none", "Bearer " + Unsigned() },
        { "a valid token with its signature cut off", "Bearer " + Valid[..(Valid.LastIndexOf('.') + 1)] },
        { "signed with a key not in the JWKS", "Bearer " + TestTokens.Stranger.Mint(new TokenRequest(Scopes.All, [PartnerEvents.Source]), TestTokens.Issuer, TestTokens.Audience) },
        { "for another audience", "Bearer " + TestTokens.Provider.Mint(new TokenRequest(Scopes.All, [PartnerEvents.Source]), TestTokens.Issuer, "someone-else") },
        { "a sources claim that is not an array", "Bearer " + TestTokens.Provider.Mint(new TokenRequest(Scopes.All, []) { Claims = new Dictionary<string, object> { ["sources"] = PartnerEvents.Source } }) },
        { "a sources array holding a number", "Bearer " + TestTokens.Provider.Mint(new TokenRequest(Scopes.All, []) { Claims = new Dictionary<string, object> { ["sources"] = new object[] { 7 } } }) },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public async Task A_bad_authorization_header_is_a_401_problem(string what, string header)
    {
        using var client = fixture.System.Training.ClientWith(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events") { Content = PartnerEvents.Single(PartnerEvents.AwarenessEvent(Guid.NewGuid())) };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:reintegration:problem:unauthenticated", (string?)JsonNode.Parse(text)!["type"]);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(0, await fixture.System.EventCountAsync<Reintegration.Training.TrainingService>());
    }

    /// <summary>A token with every claim right and <c>"alg": "none"</c>: it must not count as signed.</summary>
    private static string Unsigned()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(new JsonObject
        {
            ["iss"] = TestTokens.Issuer, ["aud"] = TestTokens.Audience, ["sub"] = "mallory", ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600,
            ["scope"] = string.Join(' ', Scopes.All), ["sources"] = new JsonArray(PartnerEvents.Source),
        }.ToJsonString());
        return $"{header}.{payload}.";
    }
}
