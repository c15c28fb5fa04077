using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reintegration.Intake;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.Access;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Access;

/// <summary>A partner posts as the sources its token lists, and no other: a refused event leaves nothing behind.</summary>
public sealed class PartnerBindingTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private const string OtherPartner = "urn:partner:another-ngo";

    [Fact]
    public async Task An_event_under_another_partners_source_is_refused_leaves_no_trace_and_is_accepted_later_with_the_right_token()
    {
        using var impostor = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.EventsWrite], [OtherPartner]));
        var registration = Registration(Guid.NewGuid());
        var before = await StoredRowsAsync();

        var refused = await impostor.PostAsync("/events", Single(registration));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("urn:reintegration:problem:forbidden-source", (string?)problem["type"]);
        Assert.Equal(before, await StoredRowsAsync());

        using var owner = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.EventsWrite], [Source]));
        var accepted = await owner.PostAsync("/events", Single(registration));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task A_batch_mixing_own_and_foreign_sources_answers_each_event_on_its_own()
    {
        using var partner = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.EventsWrite], [Source]));
        var foreign = Registration(Guid.NewGuid());
        foreign["source"] = OtherPartner;

        var response = await partner.PostAsync("/events", Batch(Registration(Guid.NewGuid()), foreign, Registration(Guid.NewGuid())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["accepted", "rejected", "accepted"], results.Select(r => (string?)r!["status"]));
        Assert.Equal("urn:reintegration:problem:forbidden-source", (string?)results[1]!["problem"]!["type"]);
        Assert.Equal(0, await fixture.System.Backend.ScalarAsync<long>(
            $"select count(*) from intake.mt_doc_ingestionrecord where id like '{OtherPartner}|%'"));
    }

    [Fact]
    public async Task A_desk_registration_is_made_for_one_of_the_callers_sources_only()
    {
        using var desk = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.ReturneesWrite], [Source, OtherPartner]));
        var data = Registration(Guid.NewGuid())["data"]!.AsObject();

        var unnamed = await desk.PostAsJsonAsync("/returnees", data);
        var foreign = await desk.PostAsJsonAsync("/returnees?source=urn:partner:not-mine", data);
        var named = await desk.PostAsJsonAsync($"/returnees?source={Uri.EscapeDataString(OtherPartner)}", data);

        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        Assert.Equal(OtherPartner, (string?)(await named.Content.ReadFromJsonAsync<JsonObject>())!["identity"]!["registeredBy"]);
    }

    private async Task<(long Events, long Records, long Claims)> StoredRowsAsync() => (
        await fixture.System.EventCountAsync<IntakeService>(),
        await fixture.System.Backend.ScalarAsync<long>("select count(*) from intake.mt_doc_ingestionrecord"),
        await fixture.System.Backend.ScalarAsync<long>("select count(*) from intake.mt_doc_uniqueclaim"));
}
