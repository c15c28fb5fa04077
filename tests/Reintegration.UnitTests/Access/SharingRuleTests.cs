using Reintegration.Intake.Registration;
using Reintegration.Intake.Sharing;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Privacy;

namespace Reintegration.UnitTests.Access;

public sealed class SharingIdentifyingDataTests
{
    private static ReturneeRegistered RegisteredBy(string source, params string[] dataSharing) => new(
        Guid.NewGuid(), DateTimeOffset.UnixEpoch, source, new Sealed("", "", ""),
        "female", 24, "18-24", "bamako", "LY", new DateOnly(2026, 2, 10), "assisted-voluntary",
        new ConsentGiven(true, true, true, dataSharing));

    private static Caller Speaking(params string[] sources) => new("desk", new HashSet<string> { Scopes.ReturneesRead }, sources.ToHashSet());

    [Fact]
    public void The_registering_partner_sees_identifying_data() =>
        Assert.Equal("urn:partner:a", SharingRule.GrantingSource(Speaking("urn:partner:a"), RegisteredBy("urn:partner:a")));

    [Fact]
    public void A_partner_the_returnee_listed_sees_identifying_data() =>
        Assert.Equal("urn:partner:b", SharingRule.GrantingSource(Speaking("urn:partner:c", "urn:partner:b"), RegisteredBy("urn:partner:a", "urn:partner:b")));

    [Fact]
    public void A_partner_speaking_for_both_is_granted_by_the_registration_first() =>
        Assert.Equal("urn:partner:a", SharingRule.GrantingSource(Speaking("urn:partner:b", "urn:partner:a"), RegisteredBy("urn:partner:a", "urn:partner:b")));

    [Fact]
    public void Any_other_partner_sees_the_pseudonymous_profile_only() =>
        Assert.Null(SharingRule.GrantingSource(Speaking("urn:partner:c"), RegisteredBy("urn:partner:a", "urn:partner:b")));

    [Fact]
    public void A_caller_without_sources_never_sees_identifying_data() =>
        Assert.Null(SharingRule.GrantingSource(Speaking(), RegisteredBy("urn:partner:a", "urn:partner:b")));
}
