using Marten;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Intake.Audit;

public sealed record AuditPage(IReadOnlyList<IdentifyingRead> Items, int Page, int PageSize, bool HasMore);

/// <summary><c>GET /audit</c>: who saw which returnee's identifying data, oldest first, for operations.</summary>
public static class AuditEndpoints
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit", GetAsync)
            .WithName("GetAudit")
            .WithSummary("Identifying reads of returnees' data: who, which returnee, when, under which source; returnee, from and to (RFC 3339) optional; paged")
            .RequireScope(Scopes.Operations)
            .Produces<AuditPage>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetAsync(
        Guid? returnee, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IQuerySession session, CancellationToken cancellationToken)
    {
        var number = page ?? 1;
        var size = pageSize ?? 100;
        if (number < 1 || size is < 1 or > MaxPageSize)
            return Problem.Field(ProblemKind.InvalidQuery, number < 1 ? "page" : "pageSize",
                number < 1 ? "must be 1 or more" : $"must be 1 to {MaxPageSize}").ToResult();

        var query = session.Query<IdentifyingRead>().AsQueryable();
        if (returnee is { } id) query = query.Where(r => r.ReturneeId == id);
        if (from is { } start) query = query.Where(r => r.At >= start);
        if (to is { } end) query = query.Where(r => r.At <= end);
        var rows = await query.OrderBy(r => r.At).ThenBy(r => r.Id).Skip((number - 1) * size).Take(size + 1).ToListAsync(cancellationToken);
        return Results.Ok(new AuditPage(rows.Take(size).ToList(), number, size, rows.Count > size));
    }
}
