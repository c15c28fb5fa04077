using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting.Journeys;
using Reintegration.Reporting.Rebuilds;
using Reintegration.ReportingSeed;
using Reintegration.ServiceDefaults.Access;
using Xunit;
using static Reintegration.IntegrationTests.ReportingFacts.ReportingLogProgramme;

namespace Reintegration.IntegrationTests.ReportingFacts;

/// <summary>
/// Rebuilds of the read models from Reporting's log through <c>/operations/rebuilds</c>, against
/// the live read models the async daemon kept: the same answers after, nothing lost or counted
/// twice when the log grows during the rebuild, and the schema Marten expects unchanged.
/// </summary>
public sealed class RebuildTests(RebuildTests.Fixture fixture) : IClassFixture<RebuildTests.Fixture>
{
    private static readonly string[] ReadModels = ["returnee_facts", "worker_facts", "activity_facts"];

    private static readonly string[] Questions =
    [
        "", "?region=kita", "?from=2026-02-01&to=2026-03-31", "?from=2026-03-10&to=2026-04-20", "?interval=month", "?region=bamako&interval=quarter",
        "?disclosure=public", "?from=2026-05-01&to=2026-05-31&region=kayes&disclosure=public",
    ];

    /// <summary>Reporting alone, with the hand-made programme and a generated one of 1,200 returnees in its log.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public TestSystem System { get; private set; } = null!;

        public IDocumentStore Store => System.Reporting.Services.GetRequiredService<IDocumentStore>();

        public async Task InitializeAsync()
        {
            System = await TestSystem.CreateAsync(ReadModelTests.Fixture.Settings);
            await WriteAsync(Store);
            foreach (var chunk in new SeedPlan(returnees: 1_200, activitiesPerReturnee: 8, seed: 7).Streams().Chunk(200))
                await AppendAsync(Store, [.. chunk.Select(s => (s.Stream, s.Events.ToArray()))]);
            await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(120));
        }

        public async Task DisposeAsync() => await System.DisposeAsync();
    }

    private readonly HttpClient _reporting = fixture.System.Reporting.CreateClient();

    [Fact]
    public async Task A_rebuild_of_each_read_model_answers_exactly_what_the_live_one_answered()
    {
        var before = await AnswersAsync();
        var views = await ViewsAsync();
        var schema = await SchemaDeltaAsync();

        foreach (var readModel in ReadModels)
        {
            var done = await RebuildAsync(readModel);
            Assert.Equal(done["eventsTotal"]!.GetValue<long>(), done["eventsDone"]!.GetValue<long>());
            Assert.True(done["eventsPerSecond"]!.GetValue<double>() > 0);
            Assert.Equal(0, done["secondsLeft"]!.GetValue<double>());
            Assert.Equal(await PositionAsync(readModel), done["builtTo"]!.GetValue<long>());
        }

        Assert.Equal(before, await AnswersAsync());
        Assert.Equal(views, await ViewsAsync());
        // Tables, keys and indexes swapped in under the names they had: Marten's migrations see what they saw before.
        Assert.Equal(schema, await SchemaDeltaAsync());
    }

    [Fact]
    public async Task Events_appended_while_a_rebuild_runs_are_counted_once()
    {
        var sessionsBefore = (await Report.GetAsync(_reporting, "")).Value("counselling-sessions")!.Value;
        using var stop = new CancellationTokenSource();
        var appended = 0;
        var load = Task.Run(async () =>
        {
            // Sessions for a returnee already registered, in small commits, as Reporting's consumers append them.
            while (!stop.IsCancellationRequested)
            {
                await AppendAsync(fixture.Store, (Aminata, [Session(Aminata, Day(4, 1 + appended % 28), "follow-up", "phone"), Session(Aminata, Day(5, 2), "basic-counselling", "video")]));
                appended += 2;
            }
        });

        var id = await RequestAsync("returnee_facts");
        await Eventually.UntilAsync(() => ProgressAsync(id), p => (string?)p["state"] == RebuildStates.Completed, "the rebuild under load", TimeSpan.FromSeconds(120));
        var atSwap = appended;
        await Eventually.UntilAsync(() => Task.FromResult(appended), n => n >= atSwap + 20, "appends after the swap");
        await stop.CancelAsync();
        await load;
        await fixture.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var after = await Report.GetAsync(_reporting, "");
        Assert.Equal(sessionsBefore + appended, after.Value("counselling-sessions"));
        // What the daemon kept on the swapped-in tables equals what a rebuild from the whole log gives.
        var incremental = await AnswersAsync();
        await RebuildAsync("returnee_facts");
        Assert.Equal(incremental, await AnswersAsync());
    }

    [Fact]
    public async Task A_second_request_while_one_is_active_names_the_active_one()
    {
        var ledger = fixture.System.Reporting.Services.GetRequiredService<RebuildLedger>();
        var model = $"no_runner_{Guid.NewGuid():N}";

        var first = await ledger.RequestAsync(model, CancellationToken.None);
        var second = await ledger.RequestAsync(model, CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(RebuildStates.Queued, (await ledger.GetAsync(first.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_request_for_an_unknown_read_model_is_refused_with_the_names_there_are()
    {
        var response = await _reporting.PostAsJsonAsync("/operations/rebuilds", new { readModel = "returnee_journeys" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("activity_facts, returnee_facts, worker_facts", (string)problem!["errors"]!["readModel"]![0]!);
        Assert.Equal(HttpStatusCode.NotFound, (await _reporting.GetAsync($"/operations/rebuilds/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Rebuilds_take_the_operations_scope()
    {
        var reader = fixture.System.Reporting.ClientWith(TestTokens.Mint([Scopes.ReportsRead, Scopes.ReportsDetail], []));

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/operations/rebuilds", new { readModel = "returnee_facts" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/operations/rebuilds")).StatusCode);
    }

    private async Task<JsonObject> RebuildAsync(string readModel)
    {
        var id = await RequestAsync(readModel);
        var done = await Eventually.UntilAsync(() => ProgressAsync(id), p => (string?)p["state"] is RebuildStates.Completed or RebuildStates.Failed,
            $"the rebuild of {readModel}", TimeSpan.FromSeconds(120));
        Assert.True((string?)done["state"] == RebuildStates.Completed, $"The rebuild of {readModel} did not complete: {done.ToJsonString()}");
        return done;
    }

    private async Task<string> RequestAsync(string readModel)
    {
        var response = await _reporting.PostAsJsonAsync("/operations/rebuilds", new { readModel });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var progress = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"/operations/rebuilds/{progress["id"]}", response.Headers.Location!.OriginalString);
        return (string)progress["id"]!;
    }

    private async Task<JsonObject> ProgressAsync(string id) => (await _reporting.GetFromJsonAsync<JsonObject>($"/operations/rebuilds/{id}"))!;

    /// <summary>Every question's answer, without the moment it was computed.</summary>
    private async Task<List<string>> AnswersAsync()
    {
        var answers = new List<string>();
        foreach (var question in Questions)
        {
            var mode = question.Contains("disclosure=", StringComparison.Ordinal) ? "" : (question.Length == 0 ? "?" : "&") + "disclosure=detail";
            var answer = (await _reporting.GetFromJsonAsync<JsonObject>("/indicators" + question + mode))!;
            answer.Remove("asOf");
            answers.Add($"{question}: {answer.ToJsonString()}");
        }

        return answers;
    }

    /// <summary>Every BI view's rows, in a stable order.</summary>
    private async Task<List<string>> ViewsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.System.Backend.Postgres);
        await connection.OpenAsync();
        var views = new List<string>();
        foreach (var view in Reintegration.Reporting.Bi.BiViews.Definitions.Keys.Order(StringComparer.Ordinal))
        {
            await using var command = new NpgsqlCommand($"select coalesce(json_agg(v order by v::text), '[]')::text from reporting_bi.{view} v", connection);
            views.Add($"{view}: {await command.ExecuteScalarAsync()}");
        }

        return views;
    }

    /// <summary>What Marten's migrations would change in the database (nothing, or the indexes they do not describe).</summary>
    private async Task<string> SchemaDeltaAsync()
    {
        try
        {
            await fixture.Store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
            return "";
        }
        catch (Weasel.Core.Migrations.DatabaseValidationException ex)
        {
            return ex.Message;
        }
    }

    private async Task<long> PositionAsync(string readModel)
    {
        await using var connection = new NpgsqlConnection(fixture.System.Backend.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select last_seq_id from reporting.mt_event_progression where name = $1", connection) { Parameters = { new() { Value = $"{readModel}:All" } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
