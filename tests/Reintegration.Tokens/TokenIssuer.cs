using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reintegration.Tokens;

/// <summary>What a token says about its caller.</summary>
public sealed record TokenRequest(IReadOnlyList<string> Scopes, IReadOnlyList<string> Sources, string Subject = "local-user")
{
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>When the token starts to be valid; now when null (a test back-dates it to mint an expired one).</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>Claims set as given, over the ones above (a test mints a malformed <c>sources</c> with it).</summary>
    public IReadOnlyDictionary<string, object>? Claims { get; init; }
}

/// <summary>
/// An RS256 signing key and the issuer and audience it signs for: mints access tokens shaped as
/// the catalogue's Access section says (<c>scope</c> space-separated, <c>sources</c> a JSON
/// array) and publishes its public half as a JWKS document the services can trust.
/// </summary>
public sealed class TokenIssuer
{
    /// <summary>Key ids starting with this mark a development key: a service in Production refuses to trust it.</summary>
    public const string DevelopmentKidPrefix = "development-";

    public const string DevelopmentIssuer = "urn:reintegration:development";
    public const string DefaultAudience = "reintegration";

    private readonly RsaSecurityKey _key;
    private readonly SigningCredentials _credentials;

    private TokenIssuer(RSA rsa, string kid, string issuer, string audience)
    {
        _key = new RsaSecurityKey(rsa) { KeyId = kid };
        _credentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256);
        Issuer = issuer;
        Audience = audience;
    }

    public string Issuer { get; }
    public string Audience { get; }
    public string KeyId => _key.KeyId;

    /// <summary>A new 2048-bit key (for a test run or a benchmark).</summary>
    public static TokenIssuer Create(string kid, string issuer, string audience = DefaultAudience) =>
        new(RSA.Create(2048), kid, issuer, audience);

    /// <summary>The key in a PEM file (PKCS#1 or PKCS#8), e.g. the development key <c>build/run.sh</c> generates.</summary>
    public static TokenIssuer FromPemFile(string path, string kid, string issuer, string audience = DefaultAudience)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return new TokenIssuer(rsa, kid, issuer, audience);
    }

    /// <summary>The development key of a <c>build/run.sh</c> run directory (<c>.run/</c>): its PEM and the kid in its JWKS.</summary>
    public static TokenIssuer FromRunDirectory(string runDirectory)
    {
        var jwks = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDirectory, "dev-jwks.json")));
        var kid = jwks.RootElement.GetProperty("keys")[0].GetProperty("kid").GetString()!;
        return FromPemFile(Path.Combine(runDirectory, "dev-signing-key.pem"), kid, DevelopmentIssuer);
    }

    /// <summary>The public key as a JSON Web Key Set, the form an identity provider publishes.</summary>
    public string JwksJson()
    {
        var parameters = _key.Rsa.ExportParameters(false);
        var jwk = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        return JsonSerializer.Serialize(new { keys = new[] { jwk } });
    }

    public string Mint(TokenRequest request) => Mint(request, Issuer, Audience);

    /// <summary>Mints with another issuer or audience than this key's (tests of tokens that must be refused).</summary>
    public string Mint(TokenRequest request, string issuer, string audience)
    {
        var issuedAt = (request.IssuedAt ?? DateTimeOffset.UtcNow).UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + request.Lifetime,
            Subject = new ClaimsIdentity([new Claim("sub", request.Subject)]),
            Claims = new Dictionary<string, object>
            {
                ["scope"] = string.Join(' ', request.Scopes),
                ["sources"] = request.Sources.ToArray(),
            },
            SigningCredentials = _credentials,
        };
        foreach (var (name, value) in request.Claims ?? new Dictionary<string, object>()) descriptor.Claims[name] = value;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
