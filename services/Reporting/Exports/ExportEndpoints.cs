using Microsoft.AspNetCore.Http.Features;
using Reintegration.Reporting.Indicators;
using Reintegration.Reporting.LineList;
using Reintegration.ServiceDefaults.Access;

namespace Reintegration.Reporting.Exports;

/// <summary>
/// The exports (<c>reports:export</c>): the indicators, asked exactly as <c>GET /indicators</c> and
/// answered with the same disclosure control, and the pseudonymous line list; each as CSV and as a
/// spreadsheet, streamed, with a file name to save under.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        Map(app, "/exports/indicators.csv", "ExportIndicatorsCsv", "The indicators as CSV: a row per indicator, dimension, key and period; same query and disclosure as /indicators", IndicatorsAsync(csv: true));
        Map(app, "/exports/indicators.xlsx", "ExportIndicatorsXlsx", "The indicators as a spreadsheet: a row per indicator, dimension, key and period; same query and disclosure as /indicators", IndicatorsAsync(csv: false));
        Map(app, "/exports/returnees.csv", "ExportReturneesCsv", "The pseudonymous line list as CSV: one row per known returnee", ReturneesAsync(csv: true));
        Map(app, "/exports/returnees.xlsx", "ExportReturneesXlsx", "The pseudonymous line list as a spreadsheet: one row per known returnee", ReturneesAsync(csv: false));
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string pattern, string name, string summary, Delegate handler) =>
        app.MapGet(pattern, handler)
            .WithName(name)
            .RequireScope(Scopes.ReportsExport)
            .WithSummary(summary)
            .Produces<Stream>(StatusCodes.Status200OK, pattern.EndsWith(".csv", StringComparison.Ordinal) ? ExportFiles.CsvContentType : ExportFiles.XlsxContentType)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);

    private static Func<string?, string?, string?, string?, IndicatorSources, HttpContext, CancellationToken, Task<IResult>> IndicatorsAsync(bool csv) =>
        async (from, to, region, disclosure, [AsParameters] sources, context, cancellationToken) =>
        {
            var (question, problem) = IndicatorEndpoints.Read(from, to, region, disclosure, sources.User);
            if (problem is not null) return problem.ToResult();
            // The answer is a few hundred rows: computed first, so that a refusal or a failure is a
            // problem answer, not a broken download.
            var report = await IndicatorEndpoints.AnswerAsync(question!, sources, cancellationToken);
            var rows = IndicatorExportRow.Of(report, question!.Disclosure).ToAsyncEnumerable();
            return File(context, csv, "indicators", (stream, sheet) => csv
                ? ExportFiles.WriteCsvAsync(stream, rows, cancellationToken)
                : ExportFiles.WriteXlsxAsync(stream, rows, sheet, cancellationToken));
        };

    private static Func<LineListReader, HttpContext, CancellationToken, IResult> ReturneesAsync(bool csv) =>
        (reader, context, cancellationToken) => File(context, csv, "returnees", (stream, sheet) => csv
            ? ExportFiles.WriteCsvAsync(stream, reader.RowsAsync(cancellationToken), cancellationToken)
            : ExportFiles.WriteXlsxAsync(stream, reader.RowsAsync(cancellationToken), sheet, cancellationToken));

    private static IResult File(HttpContext context, bool csv, string name, Func<Stream, string, Task> write)
    {
        // The .xlsx writer closes its zip archive with a synchronous write of the central directory
        // (a few hundred bytes at the very end); everything before it is written asynchronously.
        if (!csv) context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        return Results.Stream(stream => write(stream, name),
            csv ? ExportFiles.CsvContentType : ExportFiles.XlsxContentType,
            fileDownloadName: csv ? $"{name}.csv" : $"{name}.xlsx");
    }
}
