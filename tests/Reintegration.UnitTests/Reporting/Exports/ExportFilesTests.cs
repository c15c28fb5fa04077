using System.Text;
using CsvHelper;
using MiniExcelLibs;
using Reintegration.Reporting.Disclosure;
using Reintegration.Reporting.Exports;
using Reintegration.Reporting.Indicators;

namespace Reintegration.UnitTests.Reporting.Exports;

/// <summary>The files as a spreadsheet opens them: no text runs as a formula, numbers stay numbers, and each file reads back as written.</summary>
public sealed class ExportFilesTests
{
    private static readonly string[] Formulas = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1:A9)"];

    private static IEnumerable<IndicatorExportRow> Rows() => Formulas.Select(f => new IndicatorExportRow
    {
        Indicator = "knowledge-gain", Dimension = "course", Key = f, Value = -2.5m,
    });

    private static async Task<byte[]> WrittenAsync(Func<Stream, Task> write)
    {
        using var file = new MemoryStream();
        await write(file);
        return file.ToArray();
    }

    [Fact]
    public async Task Csv_text_that_starts_like_a_formula_is_escaped_and_a_negative_number_is_not()
    {
        var bytes = await WrittenAsync(s => ExportFiles.WriteCsvAsync(s, Rows().ToAsyncEnumerable(), CancellationToken.None));

        var read = CsvReader.Create(bytes).GetRecords<IndicatorExportRow>().ToList();
        Assert.Equal(Formulas.Select(f => "'" + f), read.Select(r => r.Key));
        Assert.All(read, r => Assert.Equal(-2.5m, r.Value));
        Assert.DoesNotContain(Encoding.UTF8.GetString(bytes).Split("\r\n").Skip(1).Where(l => l.Length > 0),
            line => line.Split(',')[2].TrimStart('"') is [ '=' or '+' or '-' or '@', ..]);
    }

    [Fact]
    public async Task Csv_has_the_header_the_api_names_and_reads_back_the_rows_written()
    {
        var rows = new[]
        {
            new IndicatorExportRow { Indicator = "returnees-reached", Value = 40, Target = 5000 },
            new IndicatorExportRow { Indicator = "returnees-reached", Dimension = "sex", Key = "female", Suppressed = true },
            new IndicatorExportRow { Indicator = "wellbeing-improved", Value = 33.3m, Numerator = 10, Denominator = 30 },
        };

        var bytes = await WrittenAsync(s => ExportFiles.WriteCsvAsync(s, rows.ToAsyncEnumerable(), CancellationToken.None));

        Assert.StartsWith("indicator,dimension,key,period,value,numerator,denominator,target,suppressed\r\n", Encoding.UTF8.GetString(bytes));
        Assert.Equal(rows.Select(Describe), CsvReader.Create(bytes).GetRecords<IndicatorExportRow>().Select(Describe));
    }

    [Fact]
    public async Task Xlsx_keeps_formula_like_text_as_text_and_reads_back_the_rows_written()
    {
        var bytes = await WrittenAsync(s => ExportFiles.WriteXlsxAsync(s, Rows().ToAsyncEnumerable(), "indicators", CancellationToken.None));

        using var file = new MemoryStream(bytes);
        Assert.Equal(["indicators"], file.GetSheetNames());
        var read = file.Query<IndicatorExportRow>().ToList();
        Assert.Equal(Formulas, read.Select(r => r.Key));
        Assert.All(read, r => Assert.Equal(-2.5m, r.Value));
        Assert.DoesNotContain("<x:f>", Sheet(bytes));
    }

    [Fact]
    public void Rows_are_the_total_then_each_cell_then_each_period_flagged_where_suppressed()
    {
        var figures = new IndicatorFigures("returnees-reached", FigureKind.Count, new Figure(40),
            new Dictionary<string, IReadOnlyDictionary<string, Figure>> { ["sex"] = new Dictionary<string, Figure> { ["female"] = new(3), ["male"] = new(37) } })
        {
            Target = 5000,
            Series = [new PeriodFigure("2026-01", new Figure(38)), new PeriodFigure("2026-02", new Figure(2))],
        };

        var rows = IndicatorExportRow.Of(DisclosureControl.Public(figures, 5), DisclosureMode.Public).ToList();

        Assert.Equal(
        [
            "returnees-reached||||40|5000|False", "returnees-reached|sex|female||||True", "returnees-reached|sex|male||||True",
            "returnees-reached|||2026-01|||True", "returnees-reached|||2026-02|||True",
        ], rows.Select(r => $"{r.Indicator}|{r.Dimension}|{r.Key}|{r.Period}|{r.Value}|{r.Target}|{r.Suppressed}"));
    }

    [Fact]
    public void A_suppressed_total_is_flagged_and_a_share_over_nobody_is_not()
    {
        var small = new IndicatorFigures("returnees-reached", FigureKind.Count, new Figure(3), new Dictionary<string, IReadOnlyDictionary<string, Figure>>());
        var nobody = new IndicatorFigures("wellbeing-improved", FigureKind.Share, Figure.Share(0, 0), new Dictionary<string, IReadOnlyDictionary<string, Figure>>());

        Assert.True(IndicatorExportRow.Of(DisclosureControl.Public(small, 5), DisclosureMode.Public).Single().Suppressed);
        Assert.False(IndicatorExportRow.Of(DisclosureControl.Public(nobody, 5), DisclosureMode.Public).Single().Suppressed);
        Assert.False(IndicatorExportRow.Of(DisclosureControl.Detail(nobody), DisclosureMode.Detail).Single().Suppressed);
    }

    private static string Describe(IndicatorExportRow r) =>
        $"{r.Indicator}|{r.Dimension}|{r.Key}|{r.Period}|{r.Value}|{r.Numerator}|{r.Denominator}|{r.Target}|{r.Suppressed}";

    private static string Sheet(byte[] xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }
}
