using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Reintegration.ServiceDefaults.Access;
using Xunit;

namespace Reintegration.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard in Debian's chromium, against Reporting holding <see cref="ProgrammeSample"/>:
/// the figures it shows are those of <c>/indicators</c> for the same filter, on a desktop and on
/// a phone, under its content security policy, signed in by the development link or by the
/// identity provider. Screenshots go to TestResults/dashboard.
/// </summary>
[Trait("Category", "Browser")]
[Collection(DashboardFixture.Collection)]
public sealed class DashboardBrowserTests(DashboardFixture fixture)
{
    private string DevelopmentLink => $"{fixture.BaseUrl}/dashboard#access_token={fixture.OfficerToken}";

    [Fact]
    public async Task Shows_the_figures_of_indicators_for_the_whole_programme_then_for_a_region_and_a_period()
    {
        await using var context = await fixture.Browser.NewContextAsync(Chromium.Desktop);
        var page = new DashboardPage(await context.NewPageAsync());
        var watch = new PageWatch(page.Page);

        await page.Page.GotoAsync(DevelopmentLink);
        await page.ReadyForAsync("interval=month");
        await page.AssertShowsAsync(await fixture.IndicatorsAsync("interval=month"));
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("dashboard-desktop"), FullPage = true });

        await page.Page.SelectOptionAsync("#region", "kayes");
        await page.ReadyForAsync("region=kayes&interval=month");
        await page.AssertShowsAsync(await fixture.IndicatorsAsync("region=kayes&interval=month"));

        await page.Page.FillAsync("#from", "2026-02");
        await page.Page.FillAsync("#to", "2026-04");
        const string window = "from=2026-02-01&to=2026-04-30&region=kayes&interval=month";
        await page.ReadyForAsync(window);
        await page.AssertShowsAsync(await fixture.IndicatorsAsync(window));
        Assert.EndsWith("/dashboard?region=kayes&from=2026-02&to=2026-04", page.Page.Url);
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("dashboard-desktop-kayes"), FullPage = true });

        watch.AssertClean(fixture.OfficerToken, fixture.BaseUrl);
    }

    [Fact]
    public async Task On_a_phone_fits_the_screen_and_shows_the_same_figures()
    {
        await using var context = await fixture.Browser.NewContextAsync(Chromium.Phone);
        var page = new DashboardPage(await context.NewPageAsync());
        var watch = new PageWatch(page.Page);

        await page.Page.GotoAsync(DevelopmentLink);
        await page.ReadyForAsync("interval=month");

        await page.AssertShowsAsync(await fixture.IndicatorsAsync("interval=month"));
        // Against the screen's width, not the window's: a mobile browser widens its window to fit a page that overflows.
        var screenWidth = Chromium.Phone.ViewportSize!.Width;
        var (pageWidth, widest) = await Widths(page.Page);
        Assert.True(pageWidth <= screenWidth && widest <= screenWidth,
            $"on a {screenWidth} px screen the page is {pageWidth} px wide and an element reaches {widest} px: it scrolls sideways");
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("dashboard-phone-first-screen") });
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("dashboard-phone"), FullPage = true });
        watch.AssertClean(fixture.OfficerToken, fixture.BaseUrl);
    }

    [Fact]
    public async Task Keeps_the_development_token_in_the_tab_and_out_of_every_address()
    {
        await using var context = await fixture.Browser.NewContextAsync(Chromium.Desktop);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);

        await page.GotoAsync(DevelopmentLink);
        await new DashboardPage(page).ReadyForAsync("interval=month");

        Assert.Equal($"{fixture.BaseUrl}/dashboard", page.Url); // the fragment is gone from the address bar and history
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Contains(fixture.OfficerToken, await page.EvaluateAsync<string>("() => Object.values(sessionStorage).join(' ')"));
        watch.AssertClean(fixture.OfficerToken, fixture.BaseUrl);
    }

    [Fact]
    public async Task Signs_a_reader_in_with_the_identity_provider_by_the_code_flow_with_pkce()
    {
        var provider = fixture.IdentityProvider;
        var issuedBefore = provider.TokensIssued;
        await using var context = await fixture.Browser.NewContextAsync(Chromium.Desktop);
        var page = new DashboardPage(await context.NewPageAsync());
        var watch = new PageWatch(page.Page);

        await page.Page.GotoAsync($"{fixture.BaseUrl}/dashboard?region=kita");
        await page.Page.WaitForSelectorAsync("body[data-state=signed-out]");
        Assert.DoesNotContain(watch.Requests, url => url.Contains("/indicators", StringComparison.Ordinal));

        await page.Page.ClickAsync("#sign-in");
        await page.ReadyForAsync("region=kita&interval=month"); // back from the provider, the filter it left with
        await page.AssertShowsAsync(await fixture.IndicatorsAsync("region=kita&interval=month"));

        Assert.Empty(provider.Refusals);
        Assert.Equal(issuedBefore + 1, provider.TokensIssued);
        var authorization = provider.AuthorizationRequests.Last();
        Assert.Equal("S256", authorization["code_challenge_method"]);
        Assert.Equal("fragment", authorization["response_mode"]);
        Assert.Equal("openid reports:read", authorization["scope"]);
        Assert.Equal($"{fixture.BaseUrl}/dashboard?region=kita", page.Page.Url); // code and state gone from the address
        Assert.Equal(0, await page.Page.EvaluateAsync<int>("() => localStorage.length"));
        // The code came back in the fragment: no request to Reporting carried it.
        Assert.DoesNotContain(watch.Requests, url => url.StartsWith(fixture.BaseUrl, StringComparison.Ordinal) && url.Contains("code=", StringComparison.Ordinal));
        watch.AssertClean(fixture.OfficerToken, fixture.BaseUrl, provider.Authority);
    }

    [Fact]
    public async Task Serves_the_page_and_its_files_without_a_token_and_the_figures_only_with_one()
    {
        using var anonymous = fixture.Reporting.ClientWith(null);

        var page = await anonymous.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains($"connect-src 'self' {fixture.IdentityProvider.Authority};", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe", policy);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());

        var chart = await anonymous.GetAsync("/dashboard/vendor/chart.umd.min.js");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.StartsWith("/*!\n * Chart.js v4.6.1", await chart.Content.ReadAsStringAsync());
        using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/vendor/chart.umd.min.js");
        again.Headers.IfNoneMatch.Add(chart.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);

        var config = await anonymous.GetFromJsonAsync<JsonObject>("/dashboard/config");
        Assert.Equal(fixture.IdentityProvider.Authority, (string?)config!["authority"]);
        Assert.Equal(TestIdentityProvider.ClientId, (string?)config["clientId"]);
        Assert.Equal("openid " + Scopes.ReportsRead, (string?)config["scope"]);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/dashboard/no-such-file.js")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/indicators?interval=month")).StatusCode);
    }

    /// <summary>The page's width, and how far right its furthest element reaches.</summary>
    private static async Task<(int Page, int Widest)> Widths(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("""
            () => [document.documentElement.scrollWidth,
                   Math.ceil(Math.max(...[...document.querySelectorAll("body *")].map(e => e.getBoundingClientRect().right)))]
            """);
        return (widths[0], widths[1]);
    }
}
