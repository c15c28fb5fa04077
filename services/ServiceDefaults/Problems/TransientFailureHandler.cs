using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.ServiceDefaults.Problems;

/// <summary>
/// A failure that passes (the database unreachable, a batch that kept losing races) is a 503
/// with Retry-After, not a 500: nothing of the request was stored, and the caller should send it
/// again as it is.
/// </summary>
public sealed class TransientFailureHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var detail = exception switch
        {
            IngestionBusyException => "Other writers were changing the same returnees or activities; nothing of this request was stored. Send it again.",
            _ when TransientFailures.Is(exception) =>
                "The service cannot reach its database just now; nothing of this request was stored. Send it again.",
            _ => null,
        };
        if (detail is null) return false;

        context.Response.Headers.RetryAfter = "2";
        await new Problem(ProblemKind.Unavailable, detail).ToResult().ExecuteAsync(context);
        return true;
    }
}
