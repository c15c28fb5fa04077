using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Reintegration.Reporting.Indicators;
using Reintegration.ServiceDefaults.Hosting;
using Xunit;

namespace Reintegration.IntegrationTests.Dashboard;

/// <summary>
/// The page against the whole of the answer model (<see cref="Indicator"/>, serialised with the
/// service's own JSON conventions): suppressed cells (null, listed in <c>suppressed</c>), a
/// withheld headline, monthly series with a withheld month, a share and a mean, and a code the
/// page has no words for. The service behind the page does not answer all of that yet (public
/// disclosure and series are being built beside this), so the browser is given the answer for
/// <c>/indicators</c>; the page, its files, its token and its policy are the real ones.
/// </summary>
[Trait("Category", "Browser")]
[Collection(DashboardFixture.Collection)]
public sealed class AnswerModelTests(DashboardFixture fixture)
{
    private static Dictionary<string, IReadOnlyDictionary<string, decimal?>> Breakdown(params (string Dimension, (string Key, decimal? Value)[] Cells)[] dimensions) =>
        dimensions.ToDictionary(d => d.Dimension, d => (IReadOnlyDictionary<string, decimal?>)d.Cells.ToDictionary(c => c.Key, c => c.Value));

    private static readonly IndicatorReport Answer = new(DateTimeOffset.UtcNow, null, null, null,
    [
        new Indicator("returnees-reached", 1234, Breakdown(
            ("sex", [("female", 588), ("male", 646)]),
            ("region", [("bamako", 901), ("kayes", 312), ("kita", 15), ("nioro", null), ("menaka", null)])))
        {
            Target = 5000,
            Suppressed = new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["menaka", "nioro"] },
            Series = [new("2026-01", 310), new("2026-02", 402), new("2026-03", null), new("2026-04", 518)],
        },
        new Indicator("wellbeing-improved", 41.5m, Breakdown(("sex", [("female", 44.8m), ("male", null)])))
        {
            Numerator = 83,
            Denominator = 200,
            Suppressed = new Dictionary<string, IReadOnlyList<string>> { ["sex"] = ["male"] },
        },
        new Indicator("knowledge-gain", 23.4m, Breakdown(("course", [("psychological-first-aid", 21.7m), ("mhgap", 26.1m)]))),
        new Indicator("risk-flags", null, Breakdown(("region", [("gao", null)])))
        {
            Suppressed = new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["gao"] },
        },
        new Indicator("livelihood-grants", 12, Breakdown()),
    ]);

    [Fact]
    public async Task Shows_withheld_cells_series_shares_means_and_unknown_indicators_as_the_answer_model_shapes_them()
    {
        var json = JsonSerializer.Serialize(Answer, JsonDefaults.Web);
        await using var context = await fixture.Browser.NewContextAsync(Chromium.Desktop);
        var page = new DashboardPage(await context.NewPageAsync());
        var watch = new PageWatch(page.Page);
        var asked = new List<string>();
        await page.Page.RouteAsync("**/indicators?*", route =>
        {
            asked.Add(new Uri(route.Request.Url).Query);
            return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = json });
        });

        await page.Page.GotoAsync($"{fixture.BaseUrl}/dashboard#access_token={fixture.OfficerToken}");
        await page.ReadyForAsync("interval=month");

        Assert.Equal(["?interval=month"], asked);
        await page.AssertShowsAsync(JsonNode.Parse(json)!.AsObject());
        // Two regions and a month of returnees reached, a sex of wellbeing, and risk flags' card, headline and region: no more.
        Assert.Equal(7, await page.Page.Locator("[data-figure].withheld").CountAsync());
        Assert.Equal("Livelihood grants", await page.Page.Locator("article[data-code=livelihood-grants] h3").TextContentAsync());
        Assert.Equal("25 % of the 5,000 target", await page.Page.Locator("[data-indicator=returnees-reached] .card-note").TextContentAsync());
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("dashboard-withheld-and-series"), FullPage = true });
        watch.AssertClean(fixture.OfficerToken, fixture.BaseUrl);
    }
}
