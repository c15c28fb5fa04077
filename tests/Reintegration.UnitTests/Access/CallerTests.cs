using System.Security.Claims;
using Reintegration.ServiceDefaults.Access;

namespace Reintegration.UnitTests.Access;

public sealed class ReadingACallerFromTokenClaimsTests
{
    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));

    [Fact]
    public void Scopes_are_read_from_a_space_separated_scope_claim() =>
        Assert.Equal(["events:write", "reports:read"], Caller.ScopesOf(Token(("scope", "events:write  reports:read"))).Order());

    [Fact]
    public void Scopes_are_read_from_entra_ids_scp_claims_too() =>
        Assert.Equal(["operations", "reports:read"], Caller.ScopesOf(Token(("scp", "reports:read"), ("scp", "operations"))).Order());

    [Fact]
    public void Sources_are_the_values_of_the_sources_array()
    {
        var caller = Caller.From(Token(("sub", "field-app"), ("sources", "urn:partner:a"), ("sources", "urn:partner:b")));

        Assert.Equal("field-app", caller.Subject);
        Assert.True(caller.SpeaksFor("urn:partner:b"));
        Assert.False(caller.SpeaksFor("urn:partner:A"));
    }

    [Fact]
    public void A_caller_without_sources_speaks_for_none() =>
        Assert.Empty(Caller.From(Token(("sub", "officer"), ("scope", "reports:read"))).Sources);
}
