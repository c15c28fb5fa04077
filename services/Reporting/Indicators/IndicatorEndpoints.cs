using System.Globalization;
using Marten;
using Microsoft.Extensions.Options;
using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Disclosure;
using Reintegration.Reporting.Journeys;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Reporting.Indicators;

public sealed class IndicatorOptions
{
    /// <summary>Targets by indicator code; <c>returnees-reached</c> is the programme's 5,000.</summary>
    public Dictionary<string, decimal> Targets { get; set; } = new() { [IndicatorCalculator.ReturneesReachedTarget] = 5000 };
}

public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        app.MapGet("/indicators", GetAsync)
            .WithName("GetIndicators")
            .RequireScope(Scopes.ReportsRead)
            .WithSummary("Programme indicators with their breakdowns; from/to (YYYY-MM-DD, inclusive) and region are optional")
            .Produces<IndicatorReport>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetAsync(
        string? from, string? to, string? region,
        IQuerySession session, IDocumentStore store, IndicatorCache cache, IOptions<IndicatorOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = ParseDate(from, "from", errors);
        var toDate = ParseDate(to, "to", errors);
        if (region is not null && !Codes.Regions.Contains(region)) errors["region"] = ["must be a region code of the catalogue, e.g. bamako"];
        if (fromDate > toDate) errors["to"] = ["must not be before from"];
        if (Problem.Query(errors) is { } problem) return problem.ToResult();

        var filter = new IndicatorFilter(fromDate, toDate, region);
        var report = await cache.GetAsync(store, filter, async () =>
        {
            var asOf = clock.GetUtcNow();
            var journeys = await session.Query<ReturneeJourney>().Where(j => j.Registration != null).ToListAsync(cancellationToken);
            var events = await session.Query<AwarenessEventFact>().ToListAsync(cancellationToken);
            return new IndicatorReport(asOf, fromDate, toDate, region,
                IndicatorCalculator.Calculate(journeys, events, filter, options.Value.Targets).Select(DisclosureControl.Detail).ToList());
        }, cancellationToken);
        return Results.Ok(report);
    }

    private static DateOnly? ParseDate(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors[name] = ["must be a date, YYYY-MM-DD"];
        return null;
    }
}
