using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Reintegration.ServiceDefaults.Problems;

/// <summary>Every error a service returns, including unhandled ones, is problem+json with a trace id.</summary>
public static class ProblemResponses
{
    public static IServiceCollection AddProblemResponses(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
            // An unhandled exception's message may hold personal data: never echo it to the client.
            if (ctx.Exception is not null) ctx.ProblemDetails.Detail = "An unexpected error occurred; the trace id locates it in the logs.";
        });
}
