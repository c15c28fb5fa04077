using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Registrations;

namespace Reintegration.UnitTests.Intake;

public sealed class RegisteringAReturneeTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    [Fact]
    public void First_registration_records_the_returnee_with_the_age_group_at_arrival() =>
        Handler.Given()
            .When(Registration(_returnee, ValidData()))
            .Then(Registered(_returnee, Envelopes.At));

    [Fact]
    public void The_same_registration_sent_again_under_a_new_id_adds_nothing() =>
        Handler.Given(Registered(_returnee, Envelopes.At.AddDays(-3)))
            .When(Registration(_returnee, ValidData()))
            .ThenNothingNew();

    [Theory]
    [InlineData("givenName", "\"Fatoumata\"")]
    [InlineData("sex", "\"male\"")]
    [InlineData("region", "\"kayes\"")]
    [InlineData("arrivalDate", "\"2025-10-30\"")]
    [InlineData("consent.counselling", "false")]
    public void A_registration_of_the_same_returnee_with_other_details_contradicts_the_stored_one(string field, string otherValue) =>
        Handler.Given(Registered(_returnee, Envelopes.At.AddDays(-3)))
            .When(Registration(_returnee, ValidData().Set(field, otherValue)))
            .ThenRejected(ProblemKind.Contradiction);

    [Fact]
    public void A_registration_claims_its_partner_reference_within_its_source_for_the_returnee()
    {
        var envelope = Registration(_returnee, ValidData());
        var prepared = Handler.Prepare(envelope);
        Assert.Null(prepared.Problem);

        var claim = Assert.Single(prepared.Pending!.Claims);

        Assert.StartsWith($"partner-reference|{Envelopes.Source}|", claim.Id);
        Assert.Equal(RegisterReturnee.PartnerReferenceClaimId(TestKeys.BlindIndex, Envelopes.Source, "NGO-BKO-0042"), claim.Id);
        Assert.DoesNotContain("NGO-BKO-0042", claim.Id);
        Assert.DoesNotContain("NGO-BKO-0042", claim.ConflictDetail);
        Assert.Equal(_returnee, claim.Owner);
    }

    [Fact]
    public void The_same_partner_reference_from_another_source_is_another_claim()
    {
        var first = Registration(_returnee, ValidData());
        var other = Registration(Guid.NewGuid(), ValidData(), source: "urn:partner:un-agency");

        var firstClaim = Assert.Single(Handler.Prepare(first).Pending!.Claims);
        var otherClaim = Assert.Single(Handler.Prepare(other).Pending!.Claims);

        Assert.NotEqual(firstClaim.Id, otherClaim.Id);
    }
}
