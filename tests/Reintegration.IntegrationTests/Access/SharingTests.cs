using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.Access;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;

namespace Reintegration.IntegrationTests.Access;

/// <summary>Identifying data only to the registering partner and those the returnee allowed, every such answer audited.</summary>
public sealed class SharingTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private const string Allowed = "urn:partner:health-centre";
    private const string NotListed = "urn:partner:stranger-ngo";

    [Fact]
    public async Task Names_go_to_the_registering_and_listed_partners_only_and_each_identifying_read_is_audited()
    {
        var returnee = await RegisterAsync(dataSharing: Allowed);

        var registering = await ReadAsync(returnee, Source);
        var listed = await ReadAsync(returnee, Allowed);
        var unlisted = await ReadAsync(returnee, NotListed);

        Assert.Equal("identifying", (string?)registering["disclosure"]);
        Assert.Equal("Awa", (string?)registering["identity"]!["givenName"]);
        Assert.Equal("identifying", (string?)listed["disclosure"]);
        Assert.Equal("Traoré", (string?)listed["identity"]!["familyName"]);
        Assert.Equal("pseudonymous", (string?)unlisted["disclosure"]);
        Assert.Null(unlisted["identity"]);
        Assert.Equal("female", (string?)unlisted["profile"]!["sex"]);
        foreach (var personal in new[] { "Awa", "Traor", "+22370123456", "Commune IV", "NGO-" })
            Assert.DoesNotContain(personal, unlisted.ToJsonString());

        var audit = await AuditAsync(returnee);
        Assert.Equal([(Source, "read"), (Allowed, "read")], audit.Select(r => ((string)r!["source"]!, (string)r["action"]!)));
        Assert.All(audit, r => Assert.Equal("desk-worker", (string?)r!["subject"]));
        Assert.DoesNotContain("Awa", new JsonArray(audit.Select(r => r!.DeepClone()).ToArray()).ToJsonString());
    }

    [Fact]
    public async Task A_desk_registration_answers_identifying_data_and_is_audited()
    {
        using var desk = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.ReturneesWrite], [Source], "desk-worker"));
        var created = await desk.PostAsJsonAsync("/returnees", Registration(Guid.NewGuid())["data"]);
        var id = Guid.Parse((string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);

        Assert.Equal([(Source, "registered")], (await AuditAsync(id)).Select(r => ((string)r!["source"]!, (string)r["action"]!)));
    }

    [Fact]
    public async Task The_audit_log_cannot_be_changed_even_by_the_database_owner()
    {
        var returnee = await RegisterAsync(dataSharing: Allowed);
        await ReadAsync(returnee, Allowed);

        foreach (var change in new[] { "update intake.mt_doc_identifyingread set data = data", "delete from intake.mt_doc_identifyingread", "truncate intake.mt_doc_identifyingread" })
            await Assert.ThrowsAsync<PostgresException>(() => fixture.System.Backend.ScalarAsync<object>(change));
        Assert.Single(await AuditAsync(returnee));
    }

    [Fact]
    public async Task Reading_the_audit_log_needs_operations()
    {
        using var client = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.ReturneesRead, Scopes.ReportsRead], [Source]));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/audit")).StatusCode);
    }

    private async Task<Guid> RegisterAsync(string dataSharing)
    {
        var returnee = Guid.NewGuid();
        var registration = Registration(returnee);
        registration["data"]!["consent"]!["dataSharing"] = new JsonArray(dataSharing);
        using var partner = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.EventsWrite], [Source]));
        Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync("/events", Single(registration))).StatusCode);
        return returnee;
    }

    private async Task<JsonObject> ReadAsync(Guid returnee, string source)
    {
        using var desk = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.ReturneesRead], [source], "desk-worker"));
        return (await desk.GetFromJsonAsync<JsonObject>($"/returnees/{returnee}"))!;
    }

    private async Task<JsonArray> AuditAsync(Guid returnee)
    {
        using var operations = fixture.System.Intake.ClientWith(TestTokens.Mint([Scopes.Operations], []));
        return (await operations.GetFromJsonAsync<JsonObject>($"/audit?returnee={returnee}"))!["items"]!.AsArray();
    }
}
