using System.Net.Http.Headers;
using Reintegration.IntegrationTests.Support;
using Reintegration.ServiceDefaults.Access;
using Reintegration.Tokens;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// The identity provider of the test run: a key of its own, whose public half every hosted
/// service trusts through <c>Auth:SigningKeysFile</c>, as a deployment without a provider would.
/// A second issuer with its own key plays a provider the services do not trust.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "urn:reintegration:test";
    public const string Audience = TokenIssuer.DefaultAudience;

    public static readonly TokenIssuer Provider = TokenIssuer.Create($"test-{Guid.NewGuid():N}", Issuer, Audience);
    public static readonly TokenIssuer Stranger = TokenIssuer.Create($"stranger-{Guid.NewGuid():N}", "urn:reintegration:stranger", Audience);

    private static readonly Lazy<string> Jwks = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"reintegration-test-jwks-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Provider.JwksJson());
        return path;
    });

    /// <summary>The JWKS file the services trust, written once per test run.</summary>
    public static string JwksFile => Jwks.Value;

    /// <summary>What the services need to trust <see cref="Provider"/>.</summary>
    public static IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
        ["Auth:SigningKeysFile"] = JwksFile,
    };

    public static string Mint(IEnumerable<string> scopes, IEnumerable<string> sources, string subject = "test-suite") =>
        Provider.Mint(new TokenRequest(scopes.ToList(), sources.ToList(), subject));

    /// <summary>The caller most tests are: every scope, speaking for the test partner's source.</summary>
    public static string Everything { get; } = Mint(Scopes.All, [PartnerEvents.Source]);

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
