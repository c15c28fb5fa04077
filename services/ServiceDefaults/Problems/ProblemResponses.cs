using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Reintegration.ServiceDefaults.Problems;

/// <summary>Every error a service returns, including unhandled ones, is problem+json with a trace id.</summary>
public static class ProblemResponses
{
    public static IServiceCollection AddProblemResponses(this IServiceCollection services) =>
        services.AddExceptionHandler<TransientFailureHandler>().AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
            // The framework's own answers (no route, a body over the limit, a timeout) get this
            // API's problem types too, so clients branch on one set of types.
            if (!(ctx.ProblemDetails.Type?.StartsWith("urn:reintegration:", StringComparison.Ordinal) ?? false)
                && ProblemKind.ForStatus(ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode) is { } kind)
            {
                ctx.ProblemDetails.Type = kind.Type;
                ctx.ProblemDetails.Title = kind.Title;
            }

            // An unhandled exception's message may hold personal data: never echo it to the client.
            if (ctx.Exception is not null) ctx.ProblemDetails.Detail = "An unexpected error occurred; the trace id locates it in the logs.";
        });
}
