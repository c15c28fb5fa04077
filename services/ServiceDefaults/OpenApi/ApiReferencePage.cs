using Scalar.AspNetCore;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// The Scalar API reference page over the service's OpenAPI document. Everything it needs is
/// served by the service itself (Scalar embeds its script): no CDN, no web fonts, no telemetry,
/// no AI agent or MCP, no developer toolbar (its buttons lead to scalar.com), because the page runs inside partner and government networks and must
/// neither leak who reads it nor break when the internet is away.
/// </summary>
public static class ApiReferencePage
{
    public static void Configure(ScalarOptions options, string title) => options
        .WithTitle(title)
        .DisableDefaultFonts()
        .DisableTelemetry()
        .DisableAgent()
        .DisableMcp()
        .HideDeveloperTools()
        .AddPreferredSecuritySchemes([BearerSecurityScheme.Name])
        .WithDefaultHttpClient(ScalarTarget.Shell, ScalarClient.Curl);
}
