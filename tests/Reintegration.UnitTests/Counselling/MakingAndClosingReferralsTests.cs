using Reintegration.Counselling.Clients;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Support.HandlerSpecification;
using static Reintegration.UnitTests.Counselling.CounsellingEvents;

namespace Reintegration.UnitTests.Counselling;

public sealed class MakingAndClosingReferralsTests
{
    private readonly Guid _returnee = Guid.NewGuid();
    private readonly Guid _referral = Guid.NewGuid();
    private static readonly DateTimeOffset At = Envelopes.At;

    [Fact]
    public void A_referral_is_made() =>
        Referrals.Given().When(Referral(_returnee, ReferralData(_referral))).Then(Made(_returnee, _referral, At));

    [Fact]
    public void The_same_referral_again_is_already_known_and_with_other_details_a_conflict()
    {
        Referrals.Given(Made(_returnee, _referral, At)).When(Referral(_returnee, ReferralData(_referral))).ThenNothingNew();
        Referrals.Given(Made(_returnee, _referral, At)).When(Referral(_returnee, ReferralData(_referral, urgency: "emergency"))).ThenRejected(ProblemKind.Contradiction);
    }

    [Fact]
    public void A_referral_is_refused_when_counselling_is_refused_erased_or_dated_after_a_closure()
    {
        Referrals.Given(Learned(_returnee, new RegistrationNoted(_returnee, At.AddDays(-3), false))).When(Referral(_returnee, ReferralData(_referral))).ThenRejected(ProblemKind.StateForbids);
        Referrals.Given(Learned(_returnee, new ErasureNoted(_returnee, At.AddDays(-3)))).When(Referral(_returnee, ReferralData(_referral))).ThenRejected(ProblemKind.StateForbids);
        Referrals.Given(Learned(_returnee, new ClosureNoted(_returnee, At.AddDays(-3)))).When(Referral(_returnee, ReferralData(_referral))).ThenRejected(ProblemKind.StateForbids);
        Referrals.Given(Learned(_returnee, new ClosureNoted(_returnee, At.AddDays(3)))).When(Referral(_returnee, ReferralData(_referral))).Then(Made(_returnee, _referral, At));
    }

    [Fact]
    public void A_referral_is_closed_with_its_outcome() =>
        Closures.Given(Made(_returnee, _referral, At))
            .When(Closure(_returnee, _referral, "service-received", At.AddDays(10)))
            .Then(Closed(_returnee, _referral, "service-received", At.AddDays(10)));

    [Fact]
    public void Closing_an_unknown_referral_is_refused() =>
        Closures.Given(Made(_returnee, Guid.NewGuid(), At))
            .When(Closure(_returnee, _referral, "declined", At.AddDays(1)))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void Closing_another_returnees_referral_is_refused() =>
        Closures.Given(In(Guid.NewGuid(), Made(Guid.NewGuid(), _referral, At)))
            .When(Closure(_returnee, _referral, "declined", At.AddDays(1)))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void Closing_again_with_the_same_outcome_is_already_known_and_with_another_a_conflict()
    {
        object[] closed = [Made(_returnee, _referral, At), Closed(_returnee, _referral, "not-reached", At.AddDays(2))];
        Closures.Given(closed).When(Closure(_returnee, _referral, "not-reached", At.AddDays(4))).ThenNothingNew();
        Closures.Given(closed).When(Closure(_returnee, _referral, "service-received", At.AddDays(4))).ThenRejected(ProblemKind.Contradiction);
    }

    [Fact]
    public void A_closure_dated_before_its_referral_is_refused() =>
        Closures.Given(Made(_returnee, _referral, At)).When(Closure(_returnee, _referral, "cancelled", At.AddDays(-1))).ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_closure_is_refused_once_the_returnee_is_erased() =>
        Closures.Given(Made(_returnee, _referral, At), Learned(_returnee, new ErasureNoted(_returnee, At.AddDays(1))))
            .When(Closure(_returnee, _referral, "cancelled", At.AddDays(2)))
            .ThenRejected(ProblemKind.StateForbids);

    [Theory]
    [InlineData("service", "psychiatry")]
    [InlineData("urgency", "asap")]
    public void A_code_not_in_the_catalogue_is_named(string field, string code)
    {
        var data = ReferralData(_referral);
        data[field] = code;
        Referrals.Prepare(Referral(_returnee, data)).Problem.AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");
    }

    [Fact]
    public void An_outcome_not_in_the_catalogue_is_named() =>
        Closures.Prepare(Closure(_returnee, _referral, "done")).Problem.AssertOnlyField(ProblemKind.InvalidData, "data.outcome");
}
