using System.Globalization;
using Marten;
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
}

public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        app.MapGet("/indicators", GetAsync)
            .WithName("GetIndicators")
            .RequireScope(Scopes.ReportsRead)
            .WithSummary("Programme indicators with their breakdowns; from/to (YYYY-MM-DD, inclusive), region and interval (month, quarter) are optional")
            .Produces<IndicatorReport>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetAsync(
        string? from, string? to, string? region, string? interval,
        IDocumentStore store, IndicatorReader reader, IndicatorCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Parse(from, to, region, interval) is not { } filter) return Problem.Query(Errors(from, to, region, interval))!.ToResult();

        var report = await cache.GetAsync(store, filter, async () =>
        {
            var asOf = clock.GetUtcNow();
            var figures = await reader.ReadAsync(filter, cancellationToken);
            return new IndicatorReport(asOf, filter.From, filter.To, filter.Region, figures.Select(DisclosureControl.Detail).ToList());
        }, cancellationToken);
        return Results.Ok(report);
    }

    /// <summary>The question asked, or null when a parameter is out of range (<see cref="Errors"/> names each).</summary>
    public static IndicatorFilter? Parse(string? from, string? to, string? region, string? interval) =>
        Errors(from, to, region, interval).Count > 0 ? null : new IndicatorFilter(Date(from), Date(to), region, Interval(interval));

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
