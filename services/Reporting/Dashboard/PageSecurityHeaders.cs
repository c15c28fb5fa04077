namespace Reintegration.Reporting.Dashboard;

/// <summary>
/// The headers every answer of the dashboard carries. The policy lets the page run only the
/// service's own scripts and styles (no inline script, no eval, no other origin), talk only to
/// the service and, for sign-in, the identity provider, and never be framed; the page sends no
/// referrer, so neither the provider nor anyone else learns its address.
/// </summary>
public static class PageSecurityHeaders
{
    public static string ContentSecurityPolicy(string? identityProviderOrigin) => string.Join("; ",
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        // Discovery and the token request go to the provider; the figures come from this origin.
        identityProviderOrigin is null ? "connect-src 'self'" : $"connect-src 'self' {identityProviderOrigin}",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'");

    public static void Apply(HttpResponse response, string contentSecurityPolicy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
    }

    /// <summary>The scheme, host and port of the provider's URL, as a CSP source; null when there is none.</summary>
    public static string? OriginOf(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
