using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;
using Reintegration.Reporting;
using Reintegration.Training;
using Reintegration.ServiceDefaults.Access;
using Xunit;

namespace Reintegration.IntegrationTests.EndToEnd;

/// <summary>
/// A whole simulated programme posted by the partner simulator to Intake, Counselling and
/// Training, through RabbitMQ to Reporting, checked against figures computed from the
/// simulator's own facts.
/// </summary>
public sealed class ProgrammeToIndicatorsTests : IAsyncLifetime
{
    private TestSystem _system = null!;
    private readonly Programme _programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = 400, Seed = 7 });

    public async Task InitializeAsync() => _system = await TestSystem.CreateAsync();
    public async Task DisposeAsync() => await _system.DisposeAsync();

    /// <summary>Each partner system posts with its own token: the NGO's field app to Intake and Counselling, the UN agency's training system to Training.</summary>
    private PartnerClient Partner()
    {
        var fieldApp = TestTokens.Mint([Scopes.EventsWrite], [PartnerSources.NgoFieldApp], "ngo-field-app");
        var trainingSystem = TestTokens.Mint([Scopes.EventsWrite], [PartnerSources.UnAgencyTraining], "un-agency-training");
        return new(_system.Intake.ClientWith(fieldApp), _system.Counselling.ClientWith(fieldApp), _system.Training.ClientWith(trainingSystem));
    }

    [Fact]
    public async Task Every_figure_matches_the_programme_and_resending_every_batch_changes_none()
    {
        _ = _system.Reporting.Server;
        var plan = _programme.Batches(batchSize: 100);
        Assert.NotEmpty(plan.ReturneesWithSessionsBeforeRegistration);
        Assert.NotEmpty(plan.Retries);

        var tally = await Partner().RunAsync(plan);

        Assert.Empty(tally.Rejections);
        Assert.Equal(plan.DistinctEventCount, tally.Accepted);
        Assert.Equal(plan.RetriedEventCount, tally.Duplicate);
        // Every indicator, not only the headline: Reporting's read models catch up each at its own
        // pace, and the comparison after the resend below takes them all (waiting for the headline
        // alone let a later indicator move between the two reads).
        var expected = ExpectedIndicators.For(_programme);
        var report = await Eventually.UntilAsync(() => _system.IndicatorsAsync(),
            r => expected.All(e => ValueOf(r, e.Code) == e.Value), "Reporting to show the whole programme in every indicator", TimeSpan.FromSeconds(120));
        AssertBreakdowns(report);

        var stored = await StoredEventCounts();
        var resent = await Partner().RunAsync(plan);

        Assert.Equal(0, resent.Accepted);
        Assert.Equal(plan.PostedEventCount, resent.Duplicate);
        Assert.Equal(stored, await StoredEventCounts());
        Assert.Equal(TestSystem.Values(report), await _system.IndicatorValuesAsync());
    }

    [Fact]
    public async Task Filters_by_region_and_dates_give_the_programme_figures_for_that_slice()
    {
        _ = _system.Reporting.Server;
        await Partner().RunAsync(_programme.Batches(batchSize: 250));
        var expected = ExpectedIndicators.Headline(_programme);
        await Eventually.UntilAsync(() => _system.IndicatorsAsync(),
            r => expected.All(e => TestSystem.Values(r)[e.Key] == e.Value), "Reporting to show the whole programme", TimeSpan.FromSeconds(120));

        var from = DateOnly.FromDateTime(_programme.Sessions.Min(s => s.Time).UtcDateTime).AddDays(30);
        var to = from.AddDays(60);
        bool InRange(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime) is var d && d >= from && d <= to;
        var kita = _programme.Returnees.Where(r => r.Region == "kita").Select(r => r.Id).ToHashSet();
        var sessions = _programme.Sessions.Where(s => kita.Contains(s.ReturneeId) && InRange(s.Time)).ToList();
        var events = _programme.AwarenessEvents.Where(e => e.Region == "kita" && InRange(e.Time)).ToList();

        var values = await _system.IndicatorValuesAsync($"?region=kita&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

        Assert.Equal(_programme.Returnees.Count(r => r.Region == "kita" && InRange(r.RegisteredAt)), values["returnees-registered"]);
        // Reached by a session, a group session or a workshop (the simulator now generates all three): the oracle's count.
        Assert.Equal(ExpectedIndicators.For(_programme, new IndicatorQuery(from, to, "kita")).Of("returnees-reached").Value, values["returnees-reached"]);
        Assert.Equal(sessions.Count, values["counselling-sessions"]);
        Assert.Equal(events.Count, values["awareness-events"]);
        Assert.Equal(events.Sum(e => e.PeopleReached), values["people-reached"]);
    }

    [Fact]
    public async Task A_bad_query_is_a_400_problem_naming_the_parameter()
    {
        using var reporting = _system.Reporting.CreateClient();

        var response = await reporting.GetAsync("/indicators?from=2026-13-01&region=paris");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["from"]);
        Assert.NotNull(problem["errors"]!["region"]);
    }

    private static decimal? ValueOf(JsonObject report, string code) =>
        (decimal?)report["indicators"]!.AsArray().Single(i => (string)i!["code"]! == code)!["value"];

    private void AssertBreakdowns(JsonObject report)
    {
        var indicators = report["indicators"]!.AsArray().ToDictionary(i => (string)i!["code"]!, i => i!.AsObject());
        var registered = indicators["returnees-registered"]["breakdown"]!;
        foreach (var sex in _programme.Returnees.GroupBy(r => r.Sex))
            Assert.Equal(sex.Count(), (int)registered["sex"]![sex.Key]!);
        foreach (var age in _programme.Returnees.GroupBy(r => r.AgeGroup))
            Assert.Equal(age.Count(), (int)registered["ageGroup"]![age.Key]!);
        foreach (var country in _programme.Returnees.GroupBy(r => r.ReturnedFrom))
            Assert.Equal(country.Count(), (int)registered["returnedFrom"]![country.Key]!);

        Assert.Equal(5000, (int)indicators["returnees-reached"]["target"]!);
        var sessions = indicators["counselling-sessions"]["breakdown"]!;
        foreach (var intervention in _programme.Sessions.GroupBy(s => s.Intervention))
            Assert.Equal(intervention.Count(), (int)sessions["intervention"]![intervention.Key]!);
        foreach (var region in _programme.Sessions.GroupBy(s => s.Region))
            Assert.Equal(region.Count(), (int)sessions["region"]![region.Key]!);

        var people = indicators["people-reached"]["breakdown"]!["group"]!;
        Assert.Equal(_programme.AwarenessEvents.Sum(e => e.Women), (int)people["women"]!);
        Assert.Equal(_programme.AwarenessEvents.Sum(e => e.Boys), (int)people["boys"]!);
    }

    private async Task<(long, long, long, long)> StoredEventCounts() => (
        await _system.EventCountAsync<IntakeService>(), await _system.EventCountAsync<CounsellingService>(),
        await _system.EventCountAsync<TrainingService>(), await _system.EventCountAsync<ReportingService>());
}
