namespace Reintegration.Reporting.Dashboard;

/// <summary>
/// How the dashboard signs its readers in (section <c>Dashboard</c>): the deployment's OpenID
/// Connect provider and the public client registered there for this page. Served to the page
/// by <c>GET /dashboard/config</c>, so nothing of a deployment is written into the page itself.
/// </summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>The provider's issuer URL; when unset, the one the service validates tokens with (<c>Auth:Authority</c>).</summary>
    public string? Authority { get; set; }

    /// <summary>The public client (no secret: a page cannot keep one) registered with the provider, with redirect URI <c>…/dashboard</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>What the page asks for: the catalogue's public reading scope, never <c>reports:detail</c>.</summary>
    public string Scope { get; set; } = "openid reports:read";
}

/// <summary>What the page is told: no secret in it, so it is served without a token.</summary>
/// <param name="Authority">Null when the deployment has no provider for the page (Development: the link of build/run.sh carries a token).</param>
/// <param name="ClientId">Null likewise.</param>
/// <param name="Scope">The scopes the page asks the provider for.</param>
public sealed record DashboardConfig(string? Authority, string? ClientId, string Scope)
{
    /// <summary>
    /// The page's settings: its own provider when set, else the one the API validates tokens
    /// with (<paramref name="apiAuthority"/>); a blank value (an unset variable in a manifest) counts as none.
    /// </summary>
    public static DashboardConfig From(DashboardOptions options, string? apiAuthority) => new(
        NullIfBlank(options.Authority) ?? NullIfBlank(apiAuthority),
        NullIfBlank(options.ClientId),
        options.Scope);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
