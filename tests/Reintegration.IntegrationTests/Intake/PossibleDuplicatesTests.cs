using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Duplicates;
using Reintegration.IntegrationTests.Infrastructure;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Intake;

/// <summary>Registrations that may be one person are accepted and flagged for review, never refused; erasure removes the flag.</summary>
public sealed class PossibleDuplicatesTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task A_registration_matching_another_by_name_region_and_birth_year_is_accepted_and_flagged_until_erased()
    {
        using var intake = fixture.System.Intake.CreateClient();
        var first = Guid.NewGuid();
        var again = Guid.NewGuid();
        var elsewhere = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Single(Named(first, "Mariama", "Koné", "kayes", age: 30)))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Single(Named(again, "KONE", "mariama", "kayes", age: 31)))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Single(Named(elsewhere, "Mariama", "Koné", "mopti", age: 30)))).StatusCode);

        var pairs = await Eventually.UntilAsync(() => PairsAsync(intake), p => p.Count > 0, "the pair to be flagged");
        await fixture.System.WaitUntilPublishedAsync<Reintegration.Intake.IntakeService>();
        Assert.Equal([Pair(first, again)], (await PairsAsync(intake)).Where(p => p.Contains(first.ToString()) || p.Contains(elsewhere.ToString())).ToList());
        Assert.DoesNotContain("Mariama", (await intake.GetStringAsync("/returnees/possible-duplicates")));

        var withdrawal = Envelope("reintegration.intake.consent-updated.v1", again, new JsonObject { ["dataProcessing"] = false },
            time: new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Single(withdrawal))).StatusCode);
        Assert.DoesNotContain(Pair(first, again), await PairsAsync(intake));
    }

    [Fact]
    public async Task Matching_registrations_committed_together_are_flagged_as_one_pair()
    {
        using var intake = fixture.System.Intake.CreateClient();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var unrelated = Guid.NewGuid();
        // One batch is one commit, so the daemon hands all three to the detector in one page.
        var answer = await intake.PostAsync("/events", Batch(
            Named(first, "Boubacar", "Sangaré", "kita", age: 41),
            Named(unrelated, "Assétou", "Sangaré", "kita", age: 41),
            Named(second, "sangare", "BOUBACAR", "kita", age: 40)));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        await fixture.System.WaitUntilPublishedAsync<Reintegration.Intake.IntakeService>();
        var pairs = await Eventually.UntilAsync(() => PairsAsync(intake), p => p.Contains(Pair(first, second)), "the pair to be flagged");
        Assert.Single(pairs, p => p.Contains(first.ToString()) || p.Contains(second.ToString()) || p.Contains(unrelated.ToString()));
    }

    [Fact]
    public async Task Each_pair_a_year_apart_is_listed_once_in_the_order_raised_and_two_years_apart_is_none()
    {
        using var intake = fixture.System.Intake.CreateClient();
        var (oldest, middle, youngest) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Accepted, (await intake.PostAsync("/events", Single(Named(oldest, "Kalifa", "Togola", "segou", age: 32)))).StatusCode);
        // Two commits apart from the first: the pairs come from entries of different daemon pages and of one.
        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync("/events", Batch(
            Named(middle, "Kalifa", "Togola", "segou", age: 31),
            Named(youngest, "TOGOLA", "kalifa", "segou", age: 30)))).StatusCode);

        await fixture.System.WaitUntilPublishedAsync<Reintegration.Intake.IntakeService>();
        var ours = await Eventually.UntilAsync(
            async () => (await PairsAsync(intake)).Where(p => p.Contains(oldest.ToString()) || p.Contains(middle.ToString()) || p.Contains(youngest.ToString())).ToList(),
            p => p.Count >= 2, "both pairs to be listed");
        // Raised by the middle registration, then by the youngest; the oldest and youngest are two years apart.
        Assert.Equal([Pair(oldest, middle), Pair(middle, youngest)], ours);
    }

    [Fact]
    public async Task An_entry_written_after_its_returnees_erasure_committed_is_deleted_when_the_detector_reaches_the_erasure()
    {
        var store = fixture.System.Intake.Services.GetRequiredService<IDocumentStore>();
        var erased = Guid.NewGuid();
        // The race: the detector read the key just before the withdrawal deleted it (with any
        // entry then stored), and wrote the entry after that commit.
        await using (var late = store.LightweightSession())
        {
            late.Store(new NameIndexEntry(erased, "key", "key before", "key after", 1, DateTimeOffset.UtcNow));
            await late.SaveChangesAsync();
        }

        var detector = new PossibleDuplicateDetector(fixture.System.Intake.Services, TimeProvider.System);
        var page = new EventRange(new ShardName(Reintegration.Intake.ReadModels.DeskReadModels.SubscriptionName), 1, 2, null!)
        {
            Events = [new Event<ReturneeErased>(new ReturneeErased(erased, DateTimeOffset.UtcNow)) { Sequence = 2 }],
        };
        await using (var session = store.LightweightSession())
        {
            await detector.ProcessEventsAsync(page, null!, session, CancellationToken.None);
            await session.SaveChangesAsync();
        }

        await using var query = store.QuerySession();
        Assert.Null(await query.LoadAsync<NameIndexEntry>(erased));
    }

    [Fact]
    public async Task A_table_of_pairs_left_from_before_is_dropped_when_Intake_starts()
    {
        var store = fixture.System.Intake.Services.GetRequiredService<IDocumentStore>();
        var table = $"{store.Options.DatabaseSchemaName}.mt_doc_possibleduplicate";
        await fixture.System.Backend.ExecuteAsync($"create table {table} (id varchar primary key, data jsonb not null)");

        await new RetiredFlagsTable(store).StartAsync(CancellationToken.None);

        Assert.False(await fixture.System.Backend.ScalarAsync<bool>($"select to_regclass('{table}') is not null"));
    }

    private static string Pair(Guid a, Guid b) => a.CompareTo(b) < 0 ? $"{a}|{b}" : $"{b}|{a}";

    /// <summary>Every pair listed, page after page (the tests of this fixture share one Intake).</summary>
    private static async Task<List<string>> PairsAsync(HttpClient intake)
    {
        var pairs = new List<string>();
        for (var page = 1; ; page++)
        {
            var answer = (await intake.GetFromJsonAsync<JsonObject>($"/returnees/possible-duplicates?pageSize=100&page={page}"))!;
            pairs.AddRange(answer["items"]!.AsArray().Select(i => (string)i!["id"]!));
            if (!(bool)answer["hasMore"]!) return pairs;
        }
    }

    private static JsonObject Named(Guid returnee, string given, string family, string region, int age)
    {
        var registration = Registration(returnee, region: region, age: age);
        registration["data"]!["givenName"] = given;
        registration["data"]!["familyName"] = family;
        return registration;
    }
}
