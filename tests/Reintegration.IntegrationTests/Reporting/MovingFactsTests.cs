using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting.Journeys;
using Xunit;
using static Reintegration.IntegrationTests.ReportingFacts.ReportingLogProgramme;

namespace Reintegration.IntegrationTests.ReportingFacts;

/// <summary>
/// Facts that move counts already kept, through the real daemon: a registration arriving after
/// the returnee's activity, a newer screening, an erasure (which moves nothing).
/// </summary>
public sealed class MovingFactsTests : IAsyncLifetime
{
    private TestSystem _system = null!;
    private IDocumentStore _store = null!;
    private HttpClient _reporting = null!;

    public async Task InitializeAsync()
    {
        _system = await TestSystem.CreateAsync();
        _store = _system.Reporting.Services.GetRequiredService<IDocumentStore>();
        _reporting = _system.Reporting.CreateClient();
    }

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task A_registration_arriving_after_the_activity_brings_it_all_into_the_counts_in_the_registrations_region()
    {
        var returnee = Guid.NewGuid();
        await AppendAsync(_store, (returnee, [Session(returnee, Day(2, 1), "basic-counselling", "phone"), Who5(returnee, Day(2, 1), 30), Who5(returnee, Day(2, 9), 60)]));
        await _store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var before = await Report.GetAsync(_reporting, "");
        Assert.Equal(0, before.Value("returnees-reached"));
        Assert.Equal(0, before.Value("counselling-sessions"));
        Assert.Equal(0, before.Value("assessments"));
        Assert.Null(before.Value("wellbeing-improved"));

        await AppendAsync(_store, (returnee, [new RegistrationReported(returnee, Day(1, 25), "female", "25-59", "segou", "LY", "spontaneous", new DateOnly(2026, 1, 2))]));
        await _store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var after = await Report.GetAsync(_reporting, "?from=2026-02-01&to=2026-02-28");
        Assert.Equal(1, after.Value("returnees-reached"));
        after.AssertBreakdown("returnees-reached", "region", ("segou", 1));
        Assert.Equal(1, after.Value("counselling-sessions"));
        after.AssertBreakdown("counselling-sessions", "region", ("segou", 1));
        Assert.Equal(2, after.Value("assessments"));
        Assert.Equal(100.0m, after.Value("wellbeing-improved"));
        Assert.Equal(1, (await Report.GetAsync(_reporting, "?region=segou&from=2026-01-30&to=2026-02-03")).Value("returnees-reached"));
    }

    [Fact]
    public async Task A_newer_screening_moves_the_returnee_to_its_vulnerabilities_and_an_older_one_told_later_does_not()
    {
        var returnee = Guid.NewGuid();
        await AppendAsync(_store, (returnee,
        [
            new RegistrationReported(returnee, Day(1, 5), "male", "18-24", "gao", "DZ", "forced", new DateOnly(2026, 1, 1)),
            new ScreeningReported(returnee, Day(1, 6), ["detention-experience"], false),
            Session(returnee, Day(1, 7), "psychological-first-aid", "in-person"),
        ]));
        await _store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        (await Report.GetAsync(_reporting, "")).AssertBreakdown("returnees-reached", "vulnerability", ("detention-experience", 1));

        await AppendAsync(_store, (returnee,
        [
            new ScreeningReported(returnee, Day(3, 1), ["mental-health-concern", "serious-medical-condition"], true),
            new ScreeningReported(returnee, Day(2, 1), ["older-person"], false),
        ]));
        await _store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var report = await Report.GetAsync(_reporting, "");
        report.AssertBreakdown("returnees-reached", "vulnerability", ("mental-health-concern", 1), ("serious-medical-condition", 1));
        (await Report.GetAsync(_reporting, "?from=2026-01-01&to=2026-01-31")).AssertBreakdown(
            "returnees-reached", "vulnerability", ("mental-health-concern", 1), ("serious-medical-condition", 1));
        (await Report.GetAsync(_reporting, "?from=2026-01-02&to=2026-01-09")).AssertBreakdown(
            "returnees-reached", "vulnerability", ("mental-health-concern", 1), ("serious-medical-condition", 1));
    }

    [Fact]
    public async Task An_erased_returnee_still_counts()
    {
        var returnee = Guid.NewGuid();
        await AppendAsync(_store, (returnee,
        [
            new RegistrationReported(returnee, Day(1, 5), "female", "60+", "mopti", "NE", "assisted-voluntary", new DateOnly(2026, 1, 1)),
            Session(returnee, Day(1, 7), "follow-up", "phone"),
            new CaseClosedReported(returnee, Day(1, 20), "returnee-choice"),
        ]));
        await AppendAsync(_store, (returnee, [new ErasureReported(returnee, Day(1, 21))]));
        await _store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var report = await Report.GetAsync(_reporting, "?region=mopti");
        Assert.Equal(1, report.Value("returnees-registered"));
        Assert.Equal(1, report.Value("returnees-reached"));
        Assert.Equal(1, report.Value("counselling-sessions"));
        report.AssertBreakdown("cases-closed", "reason", ("returnee-choice", 1));
    }
}
