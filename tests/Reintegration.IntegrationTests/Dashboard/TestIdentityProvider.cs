using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.Access;
using Reintegration.Tokens;

namespace Reintegration.IntegrationTests.Dashboard;

/// <summary>
/// An OpenID Connect provider as small as the authorization code flow with PKCE allows, on a
/// loopback port: discovery, an authorization endpoint that signs the reader in at once, and a
/// token endpoint that hands out an access token of the test run's provider only for the
/// verifier whose S256 challenge came with the code. It refuses whatever the flow forbids (an
/// unknown client or redirect URI, a plain or missing challenge, a wrong verifier, a code used twice).
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "reporting-dashboard";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri)> _codes = new();
    private readonly TokenIssuer _idTokens = TokenIssuer.Create($"idp-{Guid.NewGuid():N}", "urn:placeholder");

    private TestIdentityProvider(WebApplication app) => _app = app;

    public string Authority { get; private set; } = "";

    /// <summary>The page's address, as registered for the client (set once the service listens).</summary>
    public string RedirectUri { get; set; } = "";

    /// <summary>Every authorization request's query, and every token request that was refused, for the tests to read.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> AuthorizationRequests { get; } = new();

    public ConcurrentQueue<string> Refusals { get; } = new();

    public int TokensIssued;

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new TestIdentityProvider(app);
        provider.Map(app);
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            AllowPage(context);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Authority,
                ["authorization_endpoint"] = Authority + "/authorize",
                ["token_endpoint"] = Authority + "/token",
                ["jwks_uri"] = Authority + "/jwks",
                ["response_types_supported"] = new[] { "code" },
                ["response_modes_supported"] = new[] { "query", "fragment" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/authorize", (HttpContext context) =>
        {
            var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            AuthorizationRequests.Enqueue(query);
            string Get(string name) => query.GetValueOrDefault(name, "");
            if (Get("client_id") != ClientId || Get("redirect_uri") != RedirectUri) return Refuse("unknown client or redirect URI");
            if (Get("response_type") != "code" || Get("code_challenge_method") != "S256" || Get("code_challenge").Length < 43)
                return Refuse("not the code flow with an S256 challenge");
            var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            _codes[code] = (Get("code_challenge"), Get("redirect_uri"));
            var answer = $"code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(Get("state"))}";
            // response_mode=fragment: the code comes back where no server's log can see it.
            return Results.Redirect(Get("response_mode") == "fragment" ? $"{RedirectUri}#{answer}" : $"{RedirectUri}?{answer}");
        });
        app.MapMethods("/token", ["OPTIONS"], (HttpContext context) =>
        {
            AllowPage(context);
            context.Response.Headers.AccessControlAllowHeaders = "content-type, accept, authorization";
            context.Response.Headers.AccessControlAllowMethods = "POST";
            return Results.NoContent();
        });
        app.MapPost("/token", async (HttpContext context) =>
        {
            AllowPage(context);
            var form = await context.Request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId) return Refuse("not an authorization code for this client", token: true);
            if (!_codes.TryRemove(form["code"].ToString(), out var issued)) return Refuse("unknown or used code", token: true);
            if (form["redirect_uri"] != issued.RedirectUri) return Refuse("another redirect URI than the code's", token: true);
            var verifier = form["code_verifier"].ToString();
            if (Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != issued.Challenge) return Refuse("the verifier does not match the challenge", token: true);
            Interlocked.Increment(ref TokensIssued);
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = TestTokens.Mint([Scopes.ReportsRead], [], "reporting-officer"),
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["scope"] = "openid " + Scopes.ReportsRead,
                ["id_token"] = _idTokens.Mint(new TokenRequest([], [], "reporting-officer"), Authority, ClientId),
            });
        });
    }

    private void AllowPage(HttpContext context)
    {
        if (Uri.TryCreate(RedirectUri, UriKind.Absolute, out var page))
            context.Response.Headers.AccessControlAllowOrigin = page.GetLeftPart(UriPartial.Authority);
    }

    private IResult Refuse(string why, bool token = false)
    {
        Refusals.Enqueue(why);
        return token
            ? Results.Json(new { error = "invalid_grant", error_description = why }, statusCode: 400)
            : Results.BadRequest(why);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
