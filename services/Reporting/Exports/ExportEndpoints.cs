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
    private enum Format { Csv, Xlsx }

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        foreach (var format in Enum.GetValues<Format>())
        {
            var extension = Extension(format);
            app.MapGet($"/exports/indicators.{extension}",
                    (string? from, string? to, string? region, string? interval, string? disclosure, [AsParameters] IndicatorSources sources, HttpContext context, CancellationToken cancellationToken) =>
                        IndicatorsAsync(format, from, to, region, interval, disclosure, sources, context, cancellationToken))
                .Describe(format, $"ExportIndicators{format}",
                    $"The indicators as {Name(format)}: a row per indicator, dimension, key and period; the query and the disclosure of /indicators")
                .ProducesValidationProblem(StatusCodes.Status400BadRequest);
            app.MapGet($"/exports/returnees.{extension}",
                    (LineListReader lineList, HttpContext context, CancellationToken cancellationToken) =>
                        File(context, format, "returnees", (stream, sheet) => Write(format, stream, lineList.RowsAsync(cancellationToken), sheet, cancellationToken)))
                .Describe(format, $"ExportReturnees{format}", $"The pseudonymous line list as {Name(format)}: a row per known returnee");
        }

        return app;
    }

    private static async Task<IResult> IndicatorsAsync(
        Format format, string? from, string? to, string? region, string? interval, string? disclosure, IndicatorSources sources, HttpContext context, CancellationToken cancellationToken)
    {
        var (question, problem) = IndicatorEndpoints.Read(from, to, region, interval, disclosure, sources.User);
        if (problem is not null) return problem.ToResult();
        // A few hundred rows: computed before the first byte, so that a failure is a problem answer, not a broken download.
        var report = await IndicatorEndpoints.AnswerAsync(question!, sources, cancellationToken);
        var rows = IndicatorExportRow.Of(report, question!.Disclosure).ToAsyncEnumerable();
        return File(context, format, "indicators", (stream, sheet) => Write(format, stream, rows, sheet, cancellationToken));
    }

    private static Task Write<T>(Format format, Stream stream, IAsyncEnumerable<T> rows, string sheet, CancellationToken cancellationToken) => format == Format.Csv
        ? ExportFiles.WriteCsvAsync(stream, rows, cancellationToken)
        : ExportFiles.WriteXlsxAsync(stream, rows, sheet, cancellationToken);

    private static IResult File(HttpContext context, Format format, string name, Func<Stream, string, Task> write)
    {
        // The .xlsx writer closes its zip archive with a synchronous write of the central directory
        // (a few hundred bytes at the very end); everything before it is written asynchronously.
        if (format == Format.Xlsx) context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        return Results.Stream(stream => write(stream, name), ContentType(format), fileDownloadName: $"{name}.{Extension(format)}");
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, Format format, string name, string summary) => endpoint
        .WithName(name)
        .RequireScope(Scopes.ReportsExport)
        .WithSummary(summary)
        .Produces<Stream>(StatusCodes.Status200OK, ContentType(format));

    private static string Extension(Format format) => format == Format.Csv ? "csv" : "xlsx";

    private static string Name(Format format) => format == Format.Csv ? "CSV" : "a spreadsheet";

    private static string ContentType(Format format) => format == Format.Csv ? ExportFiles.CsvContentType : ExportFiles.XlsxContentType;
}
