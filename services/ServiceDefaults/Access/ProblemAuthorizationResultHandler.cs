using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Access;

/// <summary>
/// Answers a refused request as problem details: 401 (no token, or one that did not validate,
/// with the reason a client can act on) and 403 (a valid token without the scope). Both are
/// decided before the endpoint runs, so neither says anything about the resource asked for.
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            await context.ChallengeAsync(); // the WWW-Authenticate header and 401
            await new Problem(ProblemKind.Unauthenticated, WhyRefused(context)).ToResult().ExecuteAsync(context);
        }
        else if (result.Forbidden)
        {
            var needed = context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope;
            var detail = needed is null ? "The access token does not grant this." : $"This needs an access token with scope '{needed}'.";
            await new Problem(ProblemKind.InsufficientScope, detail).ToResult().ExecuteAsync(context);
        }
        else
        {
            await next(context);
        }
    }

    private static string WhyRefused(HttpContext context) => context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure switch
    {
        null when context.Request.Headers.Authorization.Count > 0 =>
            "The Authorization header holds no bearer token this deployment can read: send Authorization: Bearer <a signed JWT>.",
        null => "Send an access token from this deployment's identity provider: Authorization: Bearer <token>.",
        TokenShapeException shape => shape.Message,
        SecurityTokenExpiredException => "The access token has expired; get a new one.",
        SecurityTokenNotYetValidException => "The access token is not valid yet; check the clock of the system that sent it.",
        SecurityTokenInvalidIssuerException => "The access token comes from an issuer this deployment does not trust.",
        SecurityTokenInvalidAudienceException => "The access token is meant for another audience than this deployment.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "The access token's signature does not verify against this deployment's keys.",
        SecurityTokenInvalidAlgorithmException => "The access token is signed with an algorithm this deployment does not accept.",
        _ => "The access token is not a valid signed JWT.",
    };
}
