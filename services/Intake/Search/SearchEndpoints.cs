using Reintegration.ServiceDefaults.Privacy;
using System.Security.Claims;
using Marten;
using Reintegration.Intake.Registration;
using Reintegration.Intake.Screening;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Intake.Search;

public sealed record ReturneeSearchItem(
    Guid Id, string Sex, string AgeGroup, string Region, string ReturnedFrom, DateOnly ArrivalDate, string ReturnType,
    DateTimeOffset RegisteredAt, string Status, IReadOnlyList<string> Vulnerabilities);

public sealed record ReturneeSearchPage(IReadOnlyList<ReturneeSearchItem> Items, int Page, int PageSize, bool HasMore);

/// <summary>
/// <c>GET /returnees</c>: desk search, pseudonymous, oldest registration first, paged. A
/// <c>partnerReference</c> is looked up within the caller's own sources only. Returnees who
/// withdrew consent are not found.
/// </summary>
public static class SearchEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapReturneeSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/returnees", SearchAsync)
            .WithName("SearchReturnees")
            .WithSummary("Find returnees by region, status (open, closed), vulnerability (latest screening) or partnerReference (of the caller's own sources); pseudonymous; page, pageSize (1-100, default 20)")
            .RequireScope(Scopes.ReturneesRead)
            .Produces<ReturneeSearchPage>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> SearchAsync(
        string? region, string? status, string? vulnerability, string? partnerReference, int? page, int? pageSize,
        ClaimsPrincipal user, IQuerySession session, IBlindIndex blindIndex, CancellationToken cancellationToken)
    {
        var number = page ?? 1;
        var size = pageSize ?? 20;
        var invalid = new Dictionary<string, string[]>();
        if (region is not null && !Codes.Regions.Contains(region)) invalid["region"] = ["must be a region code of the catalogue"];
        if (status is not null and not (CaseView.Open or CaseView.Closed)) invalid["status"] = ["must be open or closed"];
        if (vulnerability is not null && !ScreeningRules.Vulnerabilities.Contains(vulnerability)) invalid["vulnerability"] = ["must be a vulnerability code of the catalogue"];
        if (partnerReference is { Length: 0 or > 64 }) invalid["partnerReference"] = ["must be 1 to 64 characters"];
        if (number < 1) invalid["page"] = ["must be 1 or more"];
        if (size is < 1 or > MaxPageSize) invalid["pageSize"] = [$"must be 1 to {MaxPageSize}"];
        if (invalid.Count > 0)
            return new Problem(ProblemKind.InvalidQuery, string.Join("; ", invalid.Select(e => $"{e.Key}: {e.Value[0]}")), invalid).ToResult();

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

        var rows = await query.OrderBy(s => s.RegisteredAt).ThenBy(s => s.Id).Skip((number - 1) * size).Take(size + 1).ToListAsync(cancellationToken);
        var items = rows.Take(size).Select(s => new ReturneeSearchItem(
            s.Id, s.Sex, s.AgeGroup, s.Region, s.ReturnedFrom, s.ArrivalDate, s.ReturnType, s.RegisteredAt, s.Status, s.Vulnerabilities)).ToList();
        return Results.Ok(new ReturneeSearchPage(items, number, size, rows.Count > size));
    }
}
