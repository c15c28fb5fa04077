using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.Extensions.Options;
using Reintegration.Reporting.Disclosure;
using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Returnees;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Reporting.Indicators;

public sealed class IndicatorOptions
{
    /// <summary>Targets by indicator code; <c>returnees-reached</c> is the programme's 5,000.</summary>
    public Dictionary<string, decimal> Targets { get; set; } = new() { [ReturneesReached.Code] = 5000 };

    /// <summary>
    /// Keep the last answer to each question while the read models have not moved (the default).
    /// Off, every request is computed from PostgreSQL: the benchmark measures that cost.
    /// </summary>
    public bool CacheAnswers { get; set; } = true;
}

public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        app.MapGet("/indicators", GetAsync)
            .WithName("GetIndicators")
            .RequireScope(Scopes.ReportsRead)
            .WithSummary("Programme indicators with their breakdowns; from/to (YYYY-MM-DD, inclusive), region, interval (month, quarter) and disclosure (public, the default, or detail with reports:detail) are optional")
            .Produces<IndicatorReport>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetAsync(
        string? from, string? to, string? region, string? interval, string? disclosure, [AsParameters] IndicatorSources sources, CancellationToken cancellationToken)
    {
        var (question, problem) = Read(from, to, region, interval, disclosure, sources.User);
        return problem is not null ? problem.ToResult() : Results.Ok(await AnswerAsync(question!, sources, cancellationToken));
    }

    /// <summary>The question of <c>GET /indicators</c> (and of the indicator exports, which ask it the same way), or the 400/403 it gets.</summary>
    public static (IndicatorQuestion? Question, Problem? Problem) Read(
        string? from, string? to, string? region, string? interval, string? disclosure, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>(Errors(from, to, region, interval));
        var mode = DisclosureRequest.Read(disclosure, errors);
        if ((Problem.Query(errors) ?? DisclosureRequest.RefusalFor(mode, user)) is { } problem) return (null, problem);
        return (new IndicatorQuestion(new IndicatorFilter(Date(from), Date(to), region, Interval(interval)), mode), null);
    }

    /// <summary>The answer, disclosure control applied to every indicator.</summary>
    public static async Task<IndicatorReport> AnswerAsync(IndicatorQuestion question, IndicatorSources sources, CancellationToken cancellationToken)
    {
        var filter = question.Filter;
        var started = Stopwatch.GetTimestamp();
        var computed = false;
        var exact = await sources.Cache.GetAsync(sources.Store, filter, async () =>
        {
            computed = true;
            var asOf = sources.Clock.GetUtcNow();
            return new ExactIndicators(asOf, await sources.Reader.ReadAsync(filter, cancellationToken));
        }, cancellationToken);
        sources.Metrics.RecordQuery(Stopwatch.GetElapsedTime(started), computed);
        var threshold = sources.Disclosure.Value.Threshold;
        return new IndicatorReport(exact.AsOf, filter.From, filter.To, filter.Region,
            exact.Figures.Select(f => DisclosureControl.Apply(f, question.Disclosure, threshold)).ToList());
    }

    /// <summary>What is wrong with the query's parameters, by parameter; empty when nothing is.</summary>
    public static IReadOnlyDictionary<string, string[]> Errors(string? from, string? to, string? region, string? interval)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is not null && Date(from) is null) errors["from"] = ["must be a date, YYYY-MM-DD"];
        if (to is not null && Date(to) is null) errors["to"] = ["must be a date, YYYY-MM-DD"];
        if (region is not null && !Codes.Regions.Contains(region)) errors["region"] = ["must be a region code of the catalogue, e.g. bamako"];
        if (interval is not null && Interval(interval) is null) errors["interval"] = ["must be month or quarter"];
        if (Date(from) > Date(to)) errors["to"] = ["must not be before from"];
        return errors;
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static Grain? Interval(string? value) => value switch
    {
        "month" => Grain.Month,
        "quarter" => Grain.Quarter,
        _ => null,
    };
}

/// <summary>What is asked of the indicators: the filter, and how much of each answer may be shown.</summary>
public sealed record IndicatorQuestion(IndicatorFilter Filter, DisclosureMode Disclosure);

/// <summary>What answering it takes (bound with <c>[AsParameters]</c> from the request's services and its user).</summary>
public sealed record IndicatorSources(
    IDocumentStore Store, IndicatorReader Reader, IndicatorCache Cache, IOptions<DisclosureOptions> Disclosure, TimeProvider Clock, IndicatorMetrics Metrics,
    ClaimsPrincipal User);
