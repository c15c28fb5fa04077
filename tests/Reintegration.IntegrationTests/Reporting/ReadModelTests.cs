using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Xunit;
using static Reintegration.IntegrationTests.ReportingFacts.ReportingLogProgramme;

namespace Reintegration.IntegrationTests.ReportingFacts;

/// <summary>
/// The read models through the real async daemon on PostgreSQL: the programme of
/// <see cref="ReportingLogProgramme"/> appended to Reporting's log, then every indicator and
/// breakdown asked of <c>GET /indicators</c>, with each kind of window and a series.
/// </summary>
public sealed class ReadModelTests(ReadModelTests.Fixture fixture) : IClassFixture<ReadModelTests.Fixture>
{
    /// <summary>Reporting alone, the programme in its log and every read model caught up with it.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public static readonly Dictionary<string, string> Settings = new()
        {
            ["Indicators:Targets:returnees-reached"] = "4200",
        };

        public TestSystem System { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            System = await TestSystem.CreateAsync(Settings);
            var store = System.Reporting.Services.GetRequiredService<IDocumentStore>();
            await WriteAsync(store);
            await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        }

        public async Task DisposeAsync() => await System.DisposeAsync();
    }

    private readonly HttpClient _reporting = fixture.System.Reporting.CreateClient();

    [Fact]
    public async Task Every_indicator_and_breakdown_counts_the_whole_programme()
    {
        var all = await Report.GetAsync(_reporting, "");

        Assert.Equal(3, all.Value("returnees-registered"));
        all.AssertBreakdown("returnees-registered", "sex", ("female", 1), ("male", 2));
        all.AssertBreakdown("returnees-registered", "ageGroup", ("0-17", 1), ("18-24", 1), ("25-59", 1));
        all.AssertBreakdown("returnees-registered", "region", ("bamako", 1), ("kita", 2));
        all.AssertBreakdown("returnees-registered", "returnedFrom", ("DZ", 1), ("LY", 1), ("NE", 1));

        Assert.Equal(3, all.Value("returnees-reached"));
        Assert.Equal(4200, (decimal)all.Indicator("returnees-reached")["target"]!);
        all.AssertBreakdown("returnees-reached", "sex", ("female", 1), ("male", 2));
        all.AssertBreakdown("returnees-reached", "ageGroup", ("0-17", 1), ("18-24", 1), ("25-59", 1));
        all.AssertBreakdown("returnees-reached", "region", ("bamako", 1), ("kita", 2));
        all.AssertBreakdown("returnees-reached", "vulnerability", ("disability", 1), ("single-parent", 1));

        Assert.Equal(3, all.Value("counselling-sessions"));
        all.AssertBreakdown("counselling-sessions", "intervention", ("basic-counselling", 1), ("follow-up", 1), ("psychological-first-aid", 1));
        all.AssertBreakdown("counselling-sessions", "modality", ("in-person", 2), ("phone", 1));
        all.AssertBreakdown("counselling-sessions", "region", ("bamako", 1), ("kita", 2));

        Assert.Equal(1, all.Value("group-sessions"));
        all.AssertBreakdown("group-sessions", "region", ("kayes", 1));

        Assert.Equal(5, all.Value("assessments"));
        all.AssertBreakdown("assessments", "instrument", ("phq-9", 1), ("who-5", 4));

        var wellbeing = all.Indicator("wellbeing-improved");
        Assert.Equal(50.0m, all.Value("wellbeing-improved"));
        Assert.Equal(1, (decimal)wellbeing["numerator"]!);
        Assert.Equal(2, (decimal)wellbeing["denominator"]!);
        Assert.Equal(100.0m, all.Cell("wellbeing-improved", "sex", "female"));
        Assert.Equal(0.0m, all.Cell("wellbeing-improved", "sex", "male"));
        Assert.Equal(100.0m, all.Cell("wellbeing-improved", "region", "kita"));
        Assert.Equal(0.0m, all.Cell("wellbeing-improved", "region", "bamako"));

        Assert.Equal(1, all.Value("risk-flags"));
        all.AssertBreakdown("risk-flags", "region", ("kita", 1));

        Assert.Equal(2, all.Value("referrals"));
        all.AssertBreakdown("referrals", "service", ("legal", 1), ("medical", 1));
        all.AssertBreakdown("referrals", "urgency", ("routine", 1), ("urgent", 1));
        all.AssertBreakdown("referrals", "outcome", ("open", 1), ("service-received", 1));

        Assert.Equal(2, all.Value("workers-trained"));
        all.AssertBreakdown("workers-trained", "role", ("health-worker", 1), ("social-worker", 1));
        all.AssertBreakdown("workers-trained", "sex", ("female", 1), ("male", 1));
        all.AssertBreakdown("workers-trained", "region", ("bamako", 1), ("kita", 2));
        all.AssertBreakdown("workers-trained", "course", ("mhgap", 1), ("psychological-first-aid", 2));

        Assert.Equal(23.3m, all.Value("knowledge-gain"));
        all.AssertBreakdown("knowledge-gain", "course", ("mhgap", 20.0m), ("psychological-first-aid", 25.0m));

        Assert.Equal(2, all.Value("workers-certified"));
        all.AssertBreakdown("workers-certified", "course", ("mhgap", 1), ("psychological-first-aid", 2));

        Assert.Equal(2, all.Value("awareness-events"));
        all.AssertBreakdown("awareness-events", "kind", ("community-dialogue", 1), ("radio-broadcast", 1));
        all.AssertBreakdown("awareness-events", "region", ("bamako", 1), ("kayes", 1));

        Assert.Equal(256, all.Value("people-reached"));
        all.AssertBreakdown("people-reached", "group", ("boys", 12), ("girls", 9), ("men", 101), ("women", 134));
        all.AssertBreakdown("people-reached", "region", ("bamako", 180), ("kayes", 76));

        Assert.Equal(1, all.Value("workshops"));
        all.AssertBreakdown("workshops", "kind", ("art-therapy", 1));
        all.AssertBreakdown("workshops", "region", ("kita", 1));

        Assert.Equal(1, all.Value("cases-closed"));
        all.AssertBreakdown("cases-closed", "reason", ("support-completed", 1));
    }

    [Fact]
    public async Task A_region_counts_returnees_by_their_registration_and_activities_by_their_own_region()
    {
        var kita = await Report.GetAsync(_reporting, "?region=kita");

        Assert.Equal(2, kita.Value("returnees-registered"));
        Assert.Equal(2, kita.Value("returnees-reached"));
        Assert.Equal(2, kita.Value("counselling-sessions"));
        Assert.Equal(0, kita.Value("group-sessions"));
        Assert.Equal(2, kita.Value("workers-trained"));
        kita.AssertBreakdown("workers-trained", "region", ("kita", 2));
        Assert.Equal(25.0m, kita.Value("knowledge-gain"));
        Assert.Equal(2, kita.Value("workers-certified"));
        kita.AssertBreakdown("workers-certified", "course", ("psychological-first-aid", 2));
        Assert.Equal(1, kita.Value("workshops"));
        Assert.Equal(0, kita.Value("people-reached"));
        Assert.Equal(100.0m, kita.Value("wellbeing-improved"));
    }

    [Fact]
    public async Task A_calendar_month_is_answered_from_its_cells_distinct_people_counted_once_in_it()
    {
        var february = await Report.GetAsync(_reporting, "?from=2026-02-01&to=2026-02-28");

        Assert.Equal(1, february.Value("returnees-registered"));
        Assert.Equal(2, february.Value("returnees-reached"));
        Assert.Equal(1, february.Value("counselling-sessions"));
        Assert.Equal(2, february.Value("assessments"));
        Assert.Null(february.Value("wellbeing-improved"));
        Assert.Equal(1, february.Value("referrals"));
        Assert.Equal(2, february.Value("workers-trained"));
        Assert.Equal(2, february.Value("workers-certified"));
        Assert.Equal(1, february.Value("awareness-events"));
        Assert.Equal(180, february.Value("people-reached"));
        Assert.Equal(1, february.Value("workshops"));
        Assert.Equal(0, february.Value("cases-closed"));
    }

    [Fact]
    public async Task An_arbitrary_window_is_counted_exactly_its_edge_days_included()
    {
        var window = await Report.GetAsync(_reporting, "?from=2026-01-10&to=2026-03-05");

        Assert.Equal(2, window.Value("returnees-registered"));
        Assert.Equal(3, window.Value("returnees-reached"));
        window.AssertBreakdown("returnees-reached", "region", ("bamako", 1), ("kita", 2));
        Assert.Equal(3, window.Value("counselling-sessions"));
        Assert.Equal(1, window.Value("group-sessions"));
        Assert.Equal(100.0m, window.Value("wellbeing-improved"));
        Assert.Equal(1, (decimal)window.Indicator("wellbeing-improved")["denominator"]!);
        Assert.Equal(2, window.Value("workers-trained"));
        Assert.Equal(256, window.Value("people-reached"));
    }

    [Fact]
    public async Task A_region_and_a_month_together()
    {
        var bamakoInMarch = await Report.GetAsync(_reporting, "?region=bamako&from=2026-03-01&to=2026-03-31");

        Assert.Equal(0, bamakoInMarch.Value("returnees-registered"));
        Assert.Equal(1, bamakoInMarch.Value("returnees-reached"));
        Assert.Equal(1, bamakoInMarch.Value("counselling-sessions"));
        Assert.Equal(1, bamakoInMarch.Value("workers-trained"));
        Assert.Equal(1, bamakoInMarch.Value("workers-certified"));
        bamakoInMarch.AssertBreakdown("workers-certified", "course", ("mhgap", 1));
        Assert.Equal(1, bamakoInMarch.Value("cases-closed"));
    }

    [Fact]
    public async Task A_monthly_series_has_a_period_for_each_month_of_the_window_counted_as_its_indicator()
    {
        var series = await Report.GetAsync(_reporting, "?from=2026-01-01&to=2026-03-31&interval=month");

        Assert.Equal([("2026-01", 1), ("2026-02", 2), ("2026-03", 1)], series.Series("returnees-reached"));
        Assert.Equal([("2026-01", 1), ("2026-02", 1), ("2026-03", 1)], series.Series("counselling-sessions"));
        Assert.Equal([("2026-01", 76), ("2026-02", 180), ("2026-03", 0)], series.Series("people-reached"));
        Assert.Equal(3, series.Value("returnees-reached"));
    }

    [Fact]
    public async Task A_series_cuts_its_first_and_last_period_to_the_window()
    {
        var series = await Report.GetAsync(_reporting, "?from=2026-01-15&to=2026-03-10&interval=month");

        Assert.Equal([("2026-01", 0), ("2026-02", 2), ("2026-03", 1)], series.Series("returnees-reached"));
        Assert.Equal([("2026-01", 0), ("2026-02", 1), ("2026-03", 1)], series.Series("counselling-sessions"));
        Assert.Equal([("2026-01", 0), ("2026-02", 180), ("2026-03", 0)], series.Series("people-reached"));
    }

    [Fact]
    public async Task A_quarterly_series_without_a_window_runs_from_the_first_to_the_last_period_with_data()
    {
        var series = await Report.GetAsync(_reporting, "?interval=quarter");

        Assert.Equal([("2026-Q1", 3)], series.Series("returnees-reached"));
        Assert.Equal([("2026-Q1", 2)], series.Series("workers-trained"));
        Assert.Equal([("2026-Q1", 3)], series.Series("returnees-registered"));
    }

    [Fact]
    public async Task A_bad_interval_is_a_400_problem_naming_it()
    {
        var response = await _reporting.GetAsync("/indicators?interval=week");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["interval"]);
    }
}
