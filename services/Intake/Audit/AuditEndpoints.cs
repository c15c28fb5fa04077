using Marten;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reading;

namespace Reintegration.Intake.Audit;

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
            .Produces<PageOf<IdentifyingRead>>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetAsync(
        Guid? returnee, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IQuerySession session, CancellationToken cancellationToken)
    {
        var invalid = new Dictionary<string, string[]>();
        var paging = PageRequest.Read(page, pageSize, invalid, defaultSize: 100, maxSize: MaxPageSize);
        if (Problem.Query(invalid) is { } problem) return problem.ToResult();

        var query = session.Query<IdentifyingRead>().AsQueryable();
        if (returnee is { } id) query = query.Where(r => r.ReturneeId == id);
        if (from is { } start) query = query.Where(r => r.At >= start);
        if (to is { } end) query = query.Where(r => r.At <= end);
        var rows = await query.OrderBy(r => r.At).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.Take).ToListAsync(cancellationToken);
        return Results.Ok(paging.Of(rows));
    }
}
