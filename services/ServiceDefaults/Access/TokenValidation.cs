using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Reintegration.ServiceDefaults.Access;

/// <summary>A token that verified but is not shaped as the catalogue says (its message is safe to show the caller).</summary>
public sealed class TokenShapeException(string message) : SecurityTokenValidationException(message);

/// <summary>
/// How this deployment validates access tokens: signature (asymmetric algorithms only), issuer,
/// audience and lifetime, claims kept under their JWT names, and the catalogue's shape: a
/// subject, and <c>sources</c> a JSON array of strings when present.
/// </summary>
public sealed class TokenValidation(IOptions<AuthOptions> auth) : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>Far above any provider's real tokens; a 100 kB header is refused before it is parsed.</summary>
    public const int MaxTokenBytes = 16 * 1024;

    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme) return;
        var settings = auth.Value;

        options.MapInboundClaims = false;
        options.Authority = string.IsNullOrWhiteSpace(settings.Authority) ? null : settings.Authority;
        options.Audience = settings.Audience;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new JsonWebTokenHandler { MaximumTokenSizeInBytes = MaxTokenBytes, MapInboundClaims = false });
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = settings.Issuer,
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = Algorithms,
            ClockSkew = TimeSpan.FromSeconds(settings.ClockSkewSeconds),
            NameClaimType = Caller.SubjectClaim,
            IssuerSigningKeys = string.IsNullOrWhiteSpace(settings.SigningKeysFile) ? null : SigningKeys.Load(settings.SigningKeysFile),
        };
        options.Events = new JwtBearerEvents { OnTokenValidated = CheckShape };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    private static Task CheckShape(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken token) return Task.CompletedTask;
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
        var root = payload.RootElement;
        if (!root.TryGetProperty(Caller.SubjectClaim, out var subject) || subject.ValueKind != JsonValueKind.String || subject.GetString() is not { Length: > 0 })
            context.Fail(new TokenShapeException("The access token has no subject (sub)."));
        else if (root.TryGetProperty(Caller.SourcesClaim, out var sources)
                 && (sources.ValueKind != JsonValueKind.Array || sources.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String)))
            context.Fail(new TokenShapeException("The access token's sources claim must be a JSON array of source URIs."));
        return Task.CompletedTask;
    }
}
