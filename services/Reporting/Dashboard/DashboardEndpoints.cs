using Microsoft.Net.Http.Headers;
using Reintegration.ServiceDefaults.Access;

namespace Reintegration.Reporting.Dashboard;

/// <summary>
/// The reporting dashboard: a page and its files, served without a token as the catalogue's
/// Access section allows (nothing in them is data), and the page's sign-in settings. The figures
/// themselves come from <c>GET /indicators</c>, with the reader's bearer token, in public
/// disclosure mode.
/// </summary>
public static class DashboardEndpoints
{
    public const string Route = "/dashboard";
    public const string PagePath = "index.html";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var config = DashboardConfig.From(
            configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions(),
            configuration[$"{AuthOptions.Section}:{nameof(AuthOptions.Authority)}"]);
        var policy = PageSecurityHeaders.ContentSecurityPolicy(PageSecurityHeaders.OriginOf(config.Authority));
        var assets = DashboardAssets.FromAssembly(typeof(DashboardEndpoints).Assembly);

        var dashboard = app.MapGroup(Route)
            .AllowAnonymous()
            .WithTags("Dashboard")
            .AddEndpointFilter(async (context, next) =>
            {
                PageSecurityHeaders.Apply(context.HttpContext.Response, policy);
                return await next(context);
            });

        dashboard.MapGet("", () => Serve(assets.Find(PagePath)!))
            .WithName("GetDashboard")
            .WithSummary("The reporting dashboard (a page; it reads /indicators with the reader's token)")
            .ExcludeFromDescription();

        dashboard.MapGet("/config", () => Results.Ok(config))
            .WithName("GetDashboardConfig")
            .WithSummary("The identity provider and public client the dashboard signs in with; no secret")
            .Produces<DashboardConfig>();

        dashboard.MapGet("/{**path}", (string? path) => path switch
            {
                // The page's relative links resolve against /dashboard, not /dashboard/.
                null or "" => Results.Redirect(Route),
                _ when assets.Find(path) is { } asset && path != PagePath => Serve(asset),
                _ => Results.NotFound(),
            })
            .WithName("GetDashboardFile")
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Revalidated on every load (no-cache with an entity tag): a new deployment shows at once, an unchanged file costs a 304.</summary>
    private static IResult Serve(DashboardAsset asset) =>
        new CachedFile(Results.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag));

    private sealed class CachedFile(IResult file) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true }.ToString();
            return file.ExecuteAsync(httpContext);
        }
    }
}
