using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Reintegration.Reporting.Exports;

/// <summary>
/// Writes rows to a stream as they come, in CSV or as an <c>.xlsx</c> workbook, holding no more
/// than a buffer of them: an export of a million rows costs the memory of a few.
/// </summary>
public static class ExportFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// RFC 4180 CSV, UTF-8. Text starting with <c>= + - @</c>, a tab or CR gets a leading <c>'</c>,
    /// so a spreadsheet shows it as text instead of running it as a formula (CSV injection);
    /// numbers are left alone, so −2.5 stays a number.
    /// </summary>
    public static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        TrueValue = "true",
        FalseValue = "false",
    };

    public static async Task WriteCsvAsync<T>(Stream destination, IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(destination, Csv, leaveOpen: true);
        await csv.WriteRecordsAsync(rows, cancellationToken);
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// One sheet, a header row, the rest written as the rows come. Cells hold values, never
    /// formulas, so text starting with <c>=</c> stays text. Fast mode stays off: it would seek
    /// back in the file, which a response stream cannot.
    /// </summary>
    public static async Task WriteXlsxAsync<T>(Stream destination, IAsyncEnumerable<T> rows, string sheetName, CancellationToken cancellationToken) =>
        await destination.SaveAsAsync(rows, sheetName: sheetName, excelType: ExcelType.XLSX,
            configuration: new OpenXmlConfiguration { FastMode = false, EnableAutoWidth = false }, cancellationToken: cancellationToken);
}
