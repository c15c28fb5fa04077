using Reintegration.ServiceDefaults.Privacy;
using System.Security.Claims;
using Marten;
using Reintegration.Intake.Registration;
using Reintegration.Intake.Screening;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reading;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Intake.Search;

public sealed record ReturneeSearchItem(
    Guid Id, string Sex, string AgeGroup, string Region, string ReturnedFrom, DateOnly ArrivalDate, string ReturnType,
    DateTimeOffset RegisteredAt, string Status, IReadOnlyList<string> Vulnerabilities);


/// <summary>
/// <c>GET /returnees</c>: desk search, pseudonymous, oldest registration first, paged. A
/// <c>partnerReference</c> is looked up within the caller's own sources only. Returnees who
/// withdrew consent are not found.
/// </summary>
public static class SearchEndpoints
{

    public static IEndpointRouteBuilder MapReturneeSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/returnees", SearchAsync)
            .WithName("SearchReturnees")
            .WithSummary("Find returnees by region, status (open, closed), vulnerability (latest screening) or partnerReference (of the caller's own sources); pseudonymous; page, pageSize (1-100, default 20)")
            .RequireScope(Scopes.ReturneesRead)
            .Produces<PageOf<ReturneeSearchItem>>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> SearchAsync(
        string? region, string? status, string? vulnerability, string? partnerReference, int? page, int? pageSize,
        ClaimsPrincipal user, IQuerySession session, IBlindIndex blindIndex, CancellationToken cancellationToken)
    {
        var invalid = new Dictionary<string, string[]>();
        var paging = PageRequest.Read(page, pageSize, invalid);
        if (region is not null && !Codes.Regions.Contains(region)) invalid["region"] = ["must be a region code of the catalogue"];
        if (status is not null and not (CaseView.Open or CaseView.Closed)) invalid["status"] = ["must be open or closed"];
        if (vulnerability is not null && !ScreeningRules.Vulnerabilities.Contains(vulnerability)) invalid["vulnerability"] = ["must be a vulnerability code of the catalogue"];
        if (partnerReference is { Length: 0 or > 64 }) invalid["partnerReference"] = ["must be 1 to 64 characters"];
        if (Problem.Query(invalid) is { } problem) return problem.ToResult();

        var query = session.Query<ReturneeSummary>().Where(s => !s.Erased);
        if (partnerReference is not null)
        {
            var claimIds = Caller.From(user).Sources.Select(source => RegisterReturnee.PartnerReferenceClaimId(blindIndex, source, partnerReference)).ToArray();
            var owners = claimIds.Length == 0 ? [] : (await session.LoadManyAsync<UniqueClaim>(cancellationToken, claimIds)).Select(c => c.Owner).ToArray();
            query = query.Where(s => s.Id.IsOneOf(owners));
        }

        if (region is not null) query = query.Where(s => s.Region == region);
        if (status is not null) query = query.Where(s => s.Status == status);
        if (vulnerability is not null) query = query.Where(s => s.Vulnerabilities.Contains(vulnerability));

        var rows = await query.OrderBy(s => s.RegisteredAt).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.Take).ToListAsync(cancellationToken);
        return Results.Ok(paging.Of(rows, s => new ReturneeSearchItem(
            s.Id, s.Sex, s.AgeGroup, s.Region, s.ReturnedFrom, s.ArrivalDate, s.ReturnType, s.RegisteredAt, s.Status, s.Vulnerabilities)));
    }
}
