using System.Net;
using System.Text.Json.Nodes;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.IntegrationTests.Support;
using Reintegration.ServiceDefaults.Access;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Ingestion;

/// <summary>Two different events never share an idempotency key, whatever their source and id hold.</summary>
public sealed class IdempotencyKeyTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private const string Plain = "urn:partner:bar-app";
    private const string Barred = "urn:partner:bar-app|p";

    [Fact]
    public async Task Given_source_S_bar_p_with_id_q_and_source_S_with_id_p_bar_q_when_posted_then_both_are_accepted_as_two_events()
    {
        using var partner = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.EventsWrite], [Plain, Barred]));
        var suffix = Guid.NewGuid().ToString("N");
        var first = Registration(Guid.NewGuid(), id: $"q{suffix}");
        first["source"] = Barred;
        var second = Registration(Guid.NewGuid(), id: $"p|q{suffix}");
        second["source"] = Plain;

        var firstAnswer = await partner.PostAsync("/events", Single(first));
        var secondAnswer = await partner.PostAsync("/events", Single(second));

        Assert.True(HttpStatusCode.Accepted == firstAnswer.StatusCode, await firstAnswer.Content.ReadAsStringAsync());
        Assert.True(HttpStatusCode.Accepted == secondAnswer.StatusCode, await secondAnswer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync("/events", Single(first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync("/events", Single(second))).StatusCode);
        Assert.Equal(2, await fixture.System.Backend.ScalarAsync<long>(
            $"select count(*) from intake.mt_doc_ingestionrecord where id in ('urn:partner:bar-app\\|p|q{suffix}', 'urn:partner:bar-app|p|q{suffix}')"));
    }

    [Fact]
    public async Task Given_a_batch_holding_both_events_when_posted_then_neither_is_taken_for_the_other()
    {
        using var partner = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.EventsWrite], [Plain, Barred]));
        var suffix = Guid.NewGuid().ToString("N");
        var first = Registration(Guid.NewGuid(), id: $"q{suffix}");
        first["source"] = Barred;
        var second = Registration(Guid.NewGuid(), id: $"p|q{suffix}");
        second["source"] = Plain;

        var results = await (await partner.PostAsync("/events", Batch(first, second))).BatchResultsAsync();

        Assert.Equal(["accepted", "accepted"], results.Select(r => (string?)r!["status"]));
    }
}
