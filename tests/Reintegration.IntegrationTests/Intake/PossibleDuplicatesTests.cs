using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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

    private static string Pair(Guid a, Guid b) => a.CompareTo(b) < 0 ? $"{a}|{b}" : $"{b}|{a}";

    private static async Task<List<string>> PairsAsync(HttpClient intake) =>
        (await intake.GetFromJsonAsync<JsonObject>("/returnees/possible-duplicates?pageSize=100"))!["items"]!.AsArray()
        .Select(i => (string)i!["id"]!).ToList();

    private static JsonObject Named(Guid returnee, string given, string family, string region, int age)
    {
        var registration = Registration(returnee, region: region, age: age);
        registration["data"]!["givenName"] = given;
        registration["data"]!["familyName"] = family;
        return registration;
    }
}
