using Marten;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Intake.Duplicates;

public sealed record PossibleDuplicatePage(IReadOnlyList<PossibleDuplicate> Items, int Page, int PageSize, bool HasMore);

/// <summary><c>GET /returnees/possible-duplicates</c>: pairs to review, oldest first, as ids only (a reviewer opens each returnee).</summary>
public static class PossibleDuplicateEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapPossibleDuplicates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/returnees/possible-duplicates", GetAsync)
            .WithName("GetPossibleDuplicates")
            .WithSummary("Registrations whose normalised name, region and birth year (±1) match another's, flagged for review; paged")
            .RequireScope(Scopes.ReturneesRead)
            .Produces<PossibleDuplicatePage>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetAsync(int? page, int? pageSize, IQuerySession session, CancellationToken cancellationToken)
    {
        var number = page ?? 1;
        var size = pageSize ?? 20;
        if (number < 1 || size is < 1 or > MaxPageSize)
            return Problem.Field(ProblemKind.InvalidQuery, number < 1 ? "page" : "pageSize", number < 1 ? "must be 1 or more" : $"must be 1 to {MaxPageSize}").ToResult();

        var rows = await session.Query<PossibleDuplicate>().OrderBy(d => d.FlaggedAt).ThenBy(d => d.Id)
            .Skip((number - 1) * size).Take(size + 1).ToListAsync(cancellationToken);
        return Results.Ok(new PossibleDuplicatePage(rows.Take(size).ToList(), number, size, rows.Count > size));
    }
}
