using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>Answer of a redrive: what moved from the error queue back to the queue, and what still waits there.</summary>
public sealed record RedriveAnswer(string Queue, string ErrorQueue, int Moved, long StillWaiting);

public static class RedriveEndpoint
{
    public const int MaxLimit = 10_000;

    /// <summary><c>POST /operations/redrive?limit=</c> on a service that consumes: its error queue's messages back to its queue.</summary>
    public static IEndpointRouteBuilder MapRedrive(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<ErrorQueue>() is null) return app;
        app.MapPost("/operations/redrive", RedriveAsync)
            .WithName("Redrive")
            .RequireScope(Scopes.Operations)
            .WithSummary("Moves messages that failed (the service's _error queue) back to its queue, after a fix; limit: at most this many (1–10000, default 1000)")
            .Produces<RedriveAnswer>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> RedriveAsync(string? limit, ErrorQueue errors, CancellationToken cancellationToken)
    {
        var max = 1000;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out max) || max is < 1 or > MaxLimit))
            return Problem.Query(new Dictionary<string, string[]> { ["limit"] = [$"must be a whole number from 1 to {MaxLimit}"] })!.ToResult();

        var moved = await errors.RedriveAsync(max, cancellationToken);
        return Results.Ok(new RedriveAnswer(errors.Queue, errors.Name, moved, await errors.DepthAsync(cancellationToken)));
    }
}
