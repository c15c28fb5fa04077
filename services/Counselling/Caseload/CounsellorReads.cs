using Marten;
using Reintegration.Counselling.Records;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reading;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Counselling.Caseload;


public sealed record RiskFlagItem(
    Guid ReturneeId, Guid AssessmentId, string? Region, DateTimeOffset RaisedAt, decimal HoursSinceRaised,
    DateTimeOffset? FollowedUpAt, string? FollowedUpBy);

public sealed record ReferralItem(Guid ReferralId, DateTimeOffset MadeAt, string Service, string Urgency, string Status, DateTimeOffset? ClosedAt, string? Outcome);

public sealed record OpenFlag(Guid AssessmentId, DateTimeOffset RaisedAt);

public sealed record OpenReferral(Guid ReferralId, DateTimeOffset MadeAt, string Service, string Urgency);

public sealed record CaseloadSession(DateTimeOffset Time, string Format, string Modality, string Intervention, bool ByThisCounsellor);

public sealed record CaseloadItem(
    Guid ReturneeId, string? Region, DateTimeOffset LastSessionWithCounsellorAt, CaseloadSession? LastSession,
    IReadOnlyList<OpenFlag> OpenFlags, IReadOnlyList<OpenReferral> OpenReferrals);

/// <summary>
/// What counsellors read, all paged (<c>page</c> from 1, <c>pageSize</c> 1–100, default 20,
/// <c>hasMore</c>), pseudonymous, scope <c>returnees:read</c> (they are about returnees' mental
/// health). Risk flags and the caseload read the async <see cref="CounsellingFile"/> projection
/// (one small document per returnee; they lag writes by the daemon's poll, about a second); a
/// returnee's referrals fold that returnee's stream (one short stream, never behind).
/// </summary>
public static class CounsellorReads
{
    public const int CaseloadDays = 90;

    public const string Open = "open";
    public const string FollowedUp = "followed-up";
    public const string All = "all";

    public static IEndpointRouteBuilder MapCounsellorReads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/risk-flags", RiskFlagsAsync)
            .WithName("ListRiskFlags")
            .WithSummary("Risk flags (PHQ-9 item 9 above 0), oldest first, with the hours since raised and the follow-up: status open (default), followed-up or all; region; page, pageSize (1-100, default 20)")
            .RequireScope(Scopes.ReturneesRead)
            .Produces<PageOf<RiskFlagItem>>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/counsellors/{counsellor}/caseload", CaseloadAsync)
            .WithName("GetCaseload")
            .WithSummary($"Returnees with a session by this counsellor in the last {CaseloadDays} days (most recent first): their last session, open flags and open referrals; page, pageSize")
            .RequireScope(Scopes.ReturneesRead)
            .Produces<PageOf<CaseloadItem>>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/returnees/{id:guid}/referrals", ReferralsAsync)
            .WithName("ListReferrals")
            .WithSummary("A returnee's referrals, oldest first, open or closed with their outcome; page, pageSize")
            .RequireScope(Scopes.ReturneesRead)
            .Produces<PageOf<ReferralItem>>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> RiskFlagsAsync(
        string? status, string? region, int? page, int? pageSize, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invalid = new Dictionary<string, string[]>();
        var paging = PageRequest.Read(page, pageSize, invalid);
        status ??= Open;
        if (status is not (Open or FollowedUp or All)) invalid["status"] = [$"must be {Open}, {FollowedUp} or {All}"];
        if (region is not null && !Codes.Regions.Contains(region)) invalid["region"] = ["must be a region code of the catalogue"];
        if (Problem.Query(invalid) is { } problem) return problem.ToResult();

        var query = session.Query<CounsellingFile>().Where(f => !f.Erased);
        query = status == Open ? query.Where(f => f.HasOpenFlag) : query.Where(f => f.HasFlag);
        if (region is not null) query = query.Where(f => f.Region == region);
        var files = await query.ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var flags = files
            .SelectMany(f => f.Flags.Select(flag => (File: f, Flag: flag)))
            .Where(x => status == All || (status == Open) == (x.Flag.FollowedUpAt is null))
            .OrderBy(x => x.Flag.RaisedAt).ThenBy(x => x.File.Id).ThenBy(x => x.Flag.AssessmentId)
            .Select(x => new RiskFlagItem(x.File.Id, x.Flag.AssessmentId, x.File.Region, x.Flag.RaisedAt,
                Math.Round((decimal)(now - x.Flag.RaisedAt).TotalHours, 1), x.Flag.FollowedUpAt, x.Flag.FollowedUpBy));
        return Results.Ok(paging.Slice(flags));
    }

    private static async Task<IResult> CaseloadAsync(
        string counsellor, int? page, int? pageSize, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invalid = new Dictionary<string, string[]>();
        var paging = PageRequest.Read(page, pageSize, invalid);
        if (counsellor.Length is 0 or > 64 || RuleExtensions.HasControlCharacter(counsellor)) invalid["counsellor"] = ["must be 1 to 64 characters without control characters"];
        if (Problem.Query(invalid) is { } problem) return problem.ToResult();

        var since = clock.GetUtcNow().AddDays(-CaseloadDays);
        var files = await session.Query<CounsellingFile>().Where(f => !f.Erased && f.CounsellorIds.Contains(counsellor)).ToListAsync(cancellationToken);
        var items = files
            .Select(f => (File: f, Last: f.Counsellors.Single(c => c.Counsellor == counsellor).LastSessionAt))
            .Where(x => x.Last >= since)
            .OrderByDescending(x => x.Last).ThenBy(x => x.File.Id)
            .Select(x => new CaseloadItem(x.File.Id, x.File.Region, x.Last,
                x.File.LastSession is { } s ? new CaseloadSession(s.Time, s.Format, s.Modality, s.Intervention, s.Counsellor == counsellor) : null,
                x.File.Flags.Where(f => f.FollowedUpAt is null).OrderBy(f => f.RaisedAt).Select(f => new OpenFlag(f.AssessmentId, f.RaisedAt)).ToList(),
                x.File.Referrals.Where(r => r.ClosedAt is null).OrderBy(r => r.MadeAt).Select(r => new OpenReferral(r.ReferralId, r.MadeAt, r.Service, r.Urgency)).ToList()));
        return Results.Ok(paging.Slice(items));
    }

    private static async Task<IResult> ReferralsAsync(Guid id, int? page, int? pageSize, IQuerySession session, CancellationToken cancellationToken)
    {
        var invalid = new Dictionary<string, string[]>();
        var paging = PageRequest.Read(page, pageSize, invalid);
        if (Problem.Query(invalid) is { } problem) return problem.ToResult();
        var record = await StreamStates.FoldAsync<CounsellingRecord>(session, id, cancellationToken);
        var referrals = (record?.Referrals.Values ?? Enumerable.Empty<Referral>())
            .OrderBy(r => r.Made.Time).ThenBy(r => r.Made.ReferralId)
            .Select(r => new ReferralItem(r.Made.ReferralId, r.Made.Time, r.Made.Service, r.Made.Urgency,
                r.Closed is null ? Open : "closed", r.Closed?.Time, r.Closed?.Outcome));
        return Results.Ok(paging.Slice(referrals));
    }
}
