using System.Net;
using System.Text.Json.Nodes;
using CsvHelper;
using Marten;
using Marten.Events;
using MiniExcelLibs;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.Reporting.Exports;
using Reintegration.Reporting.Journeys;
using Reintegration.Reporting.LineList;
using Reintegration.ServiceDefaults.Access;
using Xunit;

namespace Reintegration.IntegrationTests.Exports;

/// <summary>
/// The exports of a Reporting whose log holds a small programme, written straight into its own
/// event store and projected by its daemon on PostgreSQL: the line list row by row, the indicator
/// files cell by cell against <c>GET /indicators</c>, and who may have which.
/// </summary>
public sealed class ExportTests(ExportTests.Programme programme) : IClassFixture<ExportTests.Programme>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Eight returnees registered in Kita (six women, two men: the men are a small cell), one of
    /// them erased since (still counted, left out of the line list), one man in Kayes, and one
    /// returnee whose registration has not arrived.
    /// </summary>
    public sealed class Programme : SystemFixture
    {
        public Guid Followed { get; } = Guid.NewGuid();
        public Guid Closed { get; } = Guid.NewGuid();
        public Guid Unregistered { get; } = Guid.NewGuid();
        public Guid Erased { get; } = Guid.NewGuid();
        public IReadOnlyList<Guid> Others { get; } = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();

        protected override async Task StartedAsync(TestSystem system)
        {
            await system.WaitUntilReadyAsync<ReportingService>();
            var store = system.Store<ReportingService>();
            await using (var session = store.LightweightSession())
            {
                var session1 = Guid.NewGuid();
                session.Events.Append(Followed,
                    Registered(Followed, "female", "kita", new DateOnly(2026, 1, 20)),
                    new ScreeningReported(Followed, Start.AddDays(1), ["survivor-of-violence"], true),
                    new ScreeningReported(Followed, Start.AddDays(20), ["=cmd|' /C calc'!A0", "disability"], false),
                    Session(Followed, session1, 2), Session(Followed, session1, 2), Session(Followed, Guid.NewGuid(), 9),
                    new GroupSessionAttended(Followed, Guid.NewGuid(), Start.AddDays(3), "kita", 60, 6),
                    new WorkshopAttended(Followed, Guid.NewGuid(), Start.AddDays(4), "art-therapy", "kita"),
                    new AssessmentReported(Followed, Guid.NewGuid(), Start.AddDays(30), "who-5", 64, "adequate", false),
                    new AssessmentReported(Followed, Guid.NewGuid(), Start.AddDays(2), "who-5", 32, "poor", false),
                    new ReferralMadeReported(Followed, Guid.NewGuid(), Start.AddDays(5), "legal", "routine"),
                    new CaseClosedReported(Followed, Start.AddDays(40), "support-completed"),
                    new CaseReopenedReported(Followed, Start.AddDays(41)));
                session.Events.Append(Closed, Registered(Closed, "male", "kayes", new DateOnly(2026, 2, 3)),
                    new CaseClosedReported(Closed, Start.AddDays(10), "left-area"));
                session.Events.Append(Unregistered, Session(Unregistered, Guid.NewGuid(), 1));
                session.Events.Append(Erased, Registered(Erased, "female", "kita", new DateOnly(2026, 1, 5)), Session(Erased, Guid.NewGuid(), 3),
                    new ErasureReported(Erased, Start.AddDays(6)));
                for (var i = 0; i < Others.Count; i++)
                    session.Events.Append(Others[i], Registered(Others[i], i < 2 ? "male" : "female", "kita", new DateOnly(2026, 2, 1)),
                        Session(Others[i], Guid.NewGuid(), 10 + i));
                await session.SaveChangesAsync();
            }

            await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        }

        private static RegistrationReported Registered(Guid id, string sex, string region, DateOnly arrival) =>
            new(id, Start, sex, "25-59", region, "LY", "assisted-voluntary", arrival);

        private static CounsellingSessionReported Session(Guid id, Guid session, int day) =>
            new(id, session, Start.AddDays(day), "individual", "in-person", "basic-counselling", 45);
    }

    private readonly ServiceHost<ReportingService> _reporting = programme.System.Reporting;

    [Fact]
    public async Task The_line_list_has_a_row_per_known_returnee_not_erased_with_what_the_daemon_folded()
    {
        using var response = await _reporting.CreateClient().GetAsync("/exports/returnees.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("returnees.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var rows = CsvReader.Create(await response.Content.ReadAsByteArrayAsync()).GetRecords<ReturneeLineRow>().ToDictionary(r => r.Id);

        Assert.Equal(new[] { programme.Followed, programme.Closed }.Concat(programme.Others).Order(), rows.Keys.Order());
        var followed = rows[programme.Followed];
        Assert.Equal(("female", "25-59", "kita", "LY", "2026-01"), (followed.Sex, followed.AgeGroup, followed.Region, followed.ReturnedFrom, followed.ArrivalMonth));
        Assert.Equal("'=cmd|' /C calc'!A0,disability", followed.Vulnerabilities); // the latest screening, defused for spreadsheets
        Assert.Equal((2, 1, 1, 1), (followed.Sessions, followed.GroupSessions, followed.Workshops, followed.Referrals));
        Assert.Equal((32, 64), (followed.Who5First, followed.Who5Latest));
        Assert.Null(followed.Phq9First);
        Assert.Equal("open", followed.CaseStatus);
        Assert.Equal("closed", rows[programme.Closed].CaseStatus);
        Assert.Equal(0, rows[programme.Closed].Sessions);
    }

    [Fact]
    public async Task The_line_list_spreadsheet_holds_the_same_rows_as_the_csv()
    {
        var client = _reporting.CreateClient();
        var csv = CsvReader.Create(await client.GetByteArrayAsync("/exports/returnees.csv")).GetRecords<ReturneeLineRow>().Select(Describe).ToList();
        using var xlsx = await client.GetAsync("/exports/returnees.xlsx");

        Assert.Equal(ExportFiles.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("returnees.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
        using var file = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = file.Query<ReturneeLineRow>().Select(Describe).ToList();
        // Excel shows text as text: the spreadsheet has no need of the CSV's leading apostrophe.
        Assert.Equal(csv.Select(r => r.Replace("'=cmd", "=cmd", StringComparison.Ordinal)), sheet);
        Assert.Equal(8, sheet.Count);
    }

    [Theory]
    [InlineData("?disclosure=public", "public")]
    [InlineData("?region=kita&disclosure=public", "public")]
    [InlineData("?from=2026-03-01&to=2026-03-31&disclosure=detail", "detail")]
    [InlineData("?region=kita&disclosure=detail", "detail")]
    public async Task The_indicator_exports_hold_exactly_the_cells_of_indicators_for_the_same_query(string query, string mode)
    {
        var client = _reporting.CreateClient();
        var expected = Cells(await programme.System.IndicatorsAsync(query));
        var csv = CsvReader.Create(await client.GetByteArrayAsync("/exports/indicators.csv" + query)).GetRecords<IndicatorExportRow>().Select(Cell).ToList();
        using var file = new MemoryStream(await client.GetByteArrayAsync("/exports/indicators.xlsx" + query));
        var sheet = file.Query<IndicatorExportRow>().Select(Cell).ToList();

        // The screening's hostile code is a vulnerability key now: defused in the CSV, text in the spreadsheet.
        Assert.Equal(expected.Select(c => c.Replace("|=cmd", "|'=cmd", StringComparison.Ordinal)), csv);
        Assert.Equal(expected, sheet);
        // The programme has a small cell: public answers hide it, detail ones do not.
        Assert.Equal(mode == "public", csv.Any(c => c.StartsWith("returnees-registered|sex|male|||True", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Public_is_the_default_and_hides_the_small_cell_and_its_complement_naming_them()
    {
        // A caller with every scope, reports:detail included, still gets public figures unless it asks.
        var answer = JsonNode.Parse(await _reporting.CreateClient().GetStringAsync("/indicators?region=kita"))!;
        var registered = answer["indicators"]!.AsArray().Single(i => (string?)i!["code"] == "returnees-registered")!;

        Assert.Equal(8, (int)registered["value"]!);
        Assert.Null(registered["breakdown"]!["sex"]!["male"]);
        Assert.Null(registered["breakdown"]!["sex"]!["female"]);
        Assert.Equal(["female", "male"], registered["suppressed"]!["sex"]!.AsArray().Select(k => (string?)k).Order());
    }

    [Theory]
    [InlineData("/indicators?disclosure=detail")]
    [InlineData("/exports/indicators.csv?disclosure=detail")]
    [InlineData("/exports/indicators.xlsx?disclosure=detail")]
    public async Task Detail_needs_reports_detail(string path)
    {
        using var response = await _reporting.ClientWith(TestTokens.Mint([Scopes.ReportsRead, Scopes.ReportsExport], [])).GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("urn:reintegration:problem:insufficient-scope", (string?)problem["type"]);
        Assert.Contains(Scopes.ReportsDetail, (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("/exports/indicators.csv")]
    [InlineData("/exports/returnees.xlsx")]
    public async Task Exports_need_reports_export(string path)
    {
        using var response = await _reporting.ClientWith(TestTokens.Mint([Scopes.ReportsRead, Scopes.ReportsDetail, Scopes.JourneysRead], [])).GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/indicators?disclosure=everything")]
    [InlineData("/exports/indicators.csv?disclosure=Detail")]
    public async Task A_disclosure_that_is_neither_public_nor_detail_is_a_400_naming_it(string path)
    {
        using var response = await _reporting.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("urn:reintegration:problem:invalid-query", (string?)problem["type"]);
        Assert.NotNull(problem["errors"]!["disclosure"]);
    }

    /// <summary>Every cell of an answer as the export flattens it: indicator|dimension|key|period|value|suppressed.</summary>
    private static List<string> Cells(JsonObject report)
    {
        var cells = new List<string>();
        foreach (var indicator in report["indicators"]!.AsArray().Select(i => i!.AsObject()))
        {
            var code = (string)indicator["code"]!;
            var suppressed = indicator["suppressed"]?.AsObject();
            bool Hidden(string dimension, string key) => suppressed?[dimension]?.AsArray().Any(k => (string?)k == key) == true;
            cells.Add($"{code}||||{Number(indicator["value"])}|");
            foreach (var (dimension, keys) in indicator["breakdown"]!.AsObject())
            foreach (var (key, value) in keys!.AsObject())
                cells.Add($"{code}|{dimension}|{key}||{Number(value)}|{Hidden(dimension, key)}");
            foreach (var entry in indicator["series"]?.AsArray() ?? [])
                cells.Add($"{code}|||{entry!["period"]}|{Number(entry["value"])}|{Hidden("series", (string)entry["period"]!)}");
        }

        return cells;
    }

    private static string Cell(IndicatorExportRow r) =>
        $"{r.Indicator}|{r.Dimension}|{r.Key}|{r.Period}|{r.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{(string.IsNullOrEmpty(r.Dimension) && string.IsNullOrEmpty(r.Period) ? "" : r.Suppressed.ToString())}";

    private static string Number(JsonNode? value) => value is null ? "" : ((decimal)value).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(ReturneeLineRow r) =>
        string.Join("|", r.Id, r.Sex, r.AgeGroup, r.Region, r.ReturnedFrom, r.ArrivalMonth, r.Vulnerabilities, r.Sessions, r.GroupSessions, r.Workshops,
            r.Who5First, r.Who5Latest, r.Phq9First, r.Phq9Latest, r.Gad7First, r.Gad7Latest, r.K10First, r.K10Latest, r.Referrals, r.CaseStatus);
}
