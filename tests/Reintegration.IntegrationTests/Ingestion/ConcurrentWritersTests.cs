using System.Net;
using Reintegration.Counselling;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Ingestion;

/// <summary>
/// Replicas decide on the same returnee at the same moment. The loser of each race is decided
/// again against what the winner stored, so every answer is still the true one.
/// </summary>
public sealed class ConcurrentWritersTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task Of_conflicting_registrations_posted_at_once_exactly_one_is_accepted()
    {
        var returnee = Guid.NewGuid();
        var regions = new[] { "bamako", "kita", "kayes", "nioro", "segou", "mopti", "gao", "sikasso" };
        var before = await fixture.System.EventCountAsync<IntakeService>();

        var answers = await Task.WhenAll(regions.Select(region =>
            fixture.System.Intake.CreateClient().PostAsync("/events", Single(Registration(returnee, region: region)))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(regions.Length - 1, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(before + 1, await fixture.System.EventCountAsync<IntakeService>());
    }

    [Fact]
    public async Task Sessions_for_one_returnee_posted_at_once_are_all_stored()
    {
        var returnee = Guid.NewGuid();
        var before = await fixture.System.EventCountAsync<CounsellingService>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            fixture.System.Counselling.CreateClient().PostAsync("/events", Single(Session(returnee)))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        Assert.Equal(before + 12, await fixture.System.EventCountAsync<CounsellingService>());
    }
}
