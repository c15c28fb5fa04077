using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Access;

/// <summary>
/// A token bucket per caller (the token's subject; the remote address before a token is known),
/// so one partner's runaway sync cannot starve the others. Probes and documents are not limited.
/// </summary>
public static class CallerLimits
{
    public static void Configure(RateLimiterOptions options, LimitOptions limits)
    {
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                return RateLimitPartition.GetNoLimiter("public");
            var key = context.User.Identity?.IsAuthenticated == true
                ? "subject:" + Caller.From(context.User).Subject
                : "address:" + context.Connection.RemoteIpAddress;
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.BurstRequests,
                TokensPerPeriod = limits.RequestsPerMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (rejected, _) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60 / Math.Max(1, limits.RequestsPerMinute) + 1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await new Problem(ProblemKind.TooManyRequests,
                    $"This caller sent more than {limits.BurstRequests} requests at once or {limits.RequestsPerMinute} a minute; retry after {seconds} s (Retry-After).")
                .ToResult().ExecuteAsync(rejected.HttpContext);
        };
    }
}
