using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Access;

/// <summary>
/// Access control every service shares: bearer tokens validated against the deployment's
/// identity provider (or local public keys), one policy per catalogue scope, problem-details
/// answers for 401/403/413/429, per-caller rate limits and limits on what one request may hold.
/// </summary>
public static class AccessExtensions
{
    /// <summary>The same cap on every JSON body, not only on <c>/events</c>.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddAccessControl(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<LimitOptions>().Bind(builder.Configuration.GetSection(LimitOptions.Section));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, TokenValidation>();
        services.AddAuthorizationBuilder()
            // Defence in depth: the start-up guard already refuses an endpoint without a scope.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddScopePolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddTransient<IStartupFilter, EndpointScopeGuard>();

        var limits = builder.Configuration.GetSection(LimitOptions.Section).Get<LimitOptions>() ?? new LimitOptions();
        services.AddRateLimiter(o => CallerLimits.Configure(o, limits));
        services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(limits.RequestTimeoutSeconds),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            // A slow upload may not hold a connection: at least this rate after 5 s.
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(5));
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            // Room for an oversized token to reach the token handler and be answered 401, not 431.
            kestrel.Limits.MaxRequestHeadersTotalSize = 256 * 1024;
        });
        return builder;
    }

    /// <summary>Authentication, then the caller's rate limit, then the endpoint's scope.</summary>
    public static WebApplication UseAccessControl(this WebApplication app)
    {
        app.UseRouting();
        app.Use(RefuseOversizedBodies);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRequestTimeouts();
        return app;
    }

    private static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var scope in Scopes.All)
            authorization.AddPolicy(Scopes.PolicyFor(scope), p => p.RequireAuthenticatedUser().RequireAssertion(c => Caller.ScopesOf(c.User).Contains(scope)));
        return authorization;
    }

    /// <summary>Refuses a declared length over the cap before anything reads it (Kestrel stops undeclared ones at the same size).</summary>
    private static Task RefuseOversizedBodies(HttpContext context, RequestDelegate next) =>
        context.Request.ContentLength > MaxBodyBytes
            ? new Problem(ProblemKind.PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes (1 MiB). Send smaller requests or batches.")
                .ToResult().ExecuteAsync(context)
            : next(context);
}
