using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Reporting.Rebuilds;

/// <summary>What <c>POST /operations/rebuilds</c> takes: the read model to rebuild, by name.</summary>
public sealed record RebuildRequest(string? ReadModel);

public static class RebuildEndpoints
{
    public static readonly ProblemKind RebuildUnderWay =
        new("rebuild-under-way", StatusCodes.Status409Conflict, "A rebuild of this read model is already under way");

    public static IEndpointRouteBuilder MapRebuilds(this IEndpointRouteBuilder app)
    {
        app.MapPost("/operations/rebuilds", RequestAsync)
            .RequireScope(Scopes.Operations)
            .WithName("RequestRebuild")
            .WithSummary("Rebuilds a read model (returnee_facts, worker_facts, activity_facts) from Reporting's own log while the current one keeps answering; 202 with where to follow it")
            .Produces<RebuildProgress>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/operations/rebuilds/{id:guid}", GetAsync)
            .RequireScope(Scopes.Operations)
            .WithName("GetRebuild")
            .WithSummary("How far a rebuild is: events done of how many, rate, time left")
            .Produces<RebuildProgress>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/operations/rebuilds", RecentAsync)
            .RequireScope(Scopes.Operations)
            .WithName("ListRebuilds")
            .WithSummary("The 20 most recent rebuilds, newest first")
            .Produces<List<RebuildProgress>>();
        return app;
    }

    private static async Task<IResult> RequestAsync(RebuildRequest? request, RebuildRunner runner, RebuildLedger ledger, CancellationToken cancellationToken)
    {
        if (request?.ReadModel is not { } name || !runner.ReadModels.TryGetValue(name, out var rebuild))
            return Problem.Field(ProblemKind.InvalidRequest, "readModel", $"must be one of {string.Join(", ", runner.ReadModels.Keys.Order(StringComparer.Ordinal))}").ToResult();

        var (id, created) = await runner.RequestAsync(rebuild, cancellationToken);
        var location = $"/operations/rebuilds/{id}";
        if (!created)
            return Results.Problem(new Problem(RebuildUnderWay, $"Follow it at {location}, or wait for it to end.").ToProblemDetails());
        return Results.Accepted(location, await ledger.GetAsync(id, cancellationToken));
    }

    private static async Task<IResult> GetAsync(Guid id, RebuildLedger ledger, CancellationToken cancellationToken) =>
        await ledger.GetAsync(id, cancellationToken) is { } progress
            ? Results.Ok(progress)
            : new Problem(ProblemKind.NotFound, "No rebuild has this id.").ToResult();

    private static async Task<IResult> RecentAsync(RebuildLedger ledger, CancellationToken cancellationToken) =>
        Results.Ok(await ledger.RecentAsync(20, cancellationToken));
}
