using Marten;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reading;

namespace Reintegration.Intake.Duplicates;

/// <summary><c>GET /returnees/possible-duplicates</c>: pairs to review, oldest first (<see cref="PossiblePairs"/>), as ids only (a reviewer opens each returnee).</summary>
public static class PossibleDuplicateEndpoints
{
    public static IEndpointRouteBuilder MapPossibleDuplicates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/returnees/possible-duplicates", GetAsync)
            .WithName("GetPossibleDuplicates")
            .WithSummary("Registrations whose normalised name, region and birth year (±1) match another's, flagged for review; paged")
            .RequireScope(Scopes.ReturneesRead)
            .Produces<PageOf<PossibleDuplicate>>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetAsync(int? page, int? pageSize, IQuerySession session, CancellationToken cancellationToken)
    {
        var invalid = new Dictionary<string, string[]>();
        var paging = PageRequest.Read(page, pageSize, invalid);
        if (Problem.Query(invalid) is { } problem) return problem.ToResult();

        return Results.Ok(paging.Of(await PossiblePairs.PageAsync(session, paging.Skip, paging.Take, cancellationToken)));
    }
}
