namespace Reintegration.ServiceDefaults.Access;

/// <summary>
/// Where access tokens come from (section <c>Auth</c>). A deployment names its OpenID Connect
/// provider (<see cref="Authority"/>: keys from its JWKS, issuer from its metadata) or, without
/// one, an issuer and a JWKS file of public keys to trust (<see cref="SigningKeysFile"/>).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The OpenID Connect issuer URL (Keycloak realm, Entra ID tenant …).</summary>
    public string? Authority { get; set; }

    /// <summary>The audience every token must carry.</summary>
    public string Audience { get; set; } = "reintegration";

    /// <summary>The issuer tokens must carry when no <see cref="Authority"/> is set (with one, its metadata's issuer unless set).</summary>
    public string? Issuer { get; set; }

    /// <summary>A JSON Web Key Set file of public keys to trust, for deployments without an identity provider.</summary>
    public string? SigningKeysFile { get; set; }

    /// <summary>Metadata over plain HTTP only for a provider on the same host in development.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Clock difference tolerated between the provider and this service.</summary>
    public int ClockSkewSeconds { get; set; } = 60;
}

/// <summary>Per-caller limits (section <c>Limits</c>).</summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary>Requests one caller may make in a burst: a month of offline sync is about 60 batches of 500.</summary>
    public int BurstRequests { get; set; } = 1_200;

    /// <summary>Requests per minute one caller gets back after a burst.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>How long a whole request may take before it is answered 503 (a batch commits in well under a second).</summary>
    public int RequestTimeoutSeconds { get; set; } = 120;

    /// <summary>The slowest upload kept open, after a grace period of 5 s.</summary>
    public int MinRequestBodyBytesPerSecond { get; set; } = 1_024;
}
