using Reintegration.Counselling.Clients;
using Reintegration.Counselling.RiskFlags;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Support.HandlerSpecification;
using static Reintegration.UnitTests.Counselling.CounsellingEvents;
using static Reintegration.UnitTests.Counselling.Sessions;

namespace Reintegration.UnitTests.Counselling;

public sealed class RecordingAssessmentsAndRiskFlagsTests
{
    private readonly Guid _returnee = Guid.NewGuid();
    private readonly Guid _assessment = Guid.NewGuid();
    private static readonly DateTimeOffset At = Envelopes.At;

    [Fact]
    public void An_assessment_is_recorded_with_its_score_before_the_registration_is_known() =>
        Assessments.Given()
            .When(Phq9(_returnee, _assessment, 0, At))
            .Then(Phq9Recorded(_returnee, _assessment, 0, At));

    [Fact]
    public void The_same_assessment_again_is_already_known() =>
        Assessments.Given(Phq9Recorded(_returnee, _assessment, 0, At))
            .When(Phq9(_returnee, _assessment, 0, At))
            .ThenNothingNew();

    [Fact]
    public void The_same_assessment_id_with_other_responses_is_a_conflict() =>
        Assessments.Given(Phq9Recorded(_returnee, _assessment, 0, At))
            .When(Phq9(_returnee, _assessment, 2, At))
            .ThenRejected(ProblemKind.Contradiction);

    [Fact]
    public void The_same_assessment_id_for_another_returnee_is_another_assessment()
    {
        var other = Guid.NewGuid();
        Assessments.Given(In(_returnee, Phq9Recorded(_returnee, _assessment, 0, At)))
            .When(Phq9(other, _assessment, 0, At))
            .Then(Phq9Recorded(other, _assessment, 0, At));
    }

    [Fact]
    public void An_assessment_is_refused_once_counselling_consent_is_known_refused() =>
        Assessments.Given(Learned(_returnee, new RegistrationNoted(_returnee, At.AddDays(-9), CounsellingConsent: false)))
            .When(Phq9(_returnee, _assessment, 0, At))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void An_assessment_is_refused_once_the_returnee_is_known_erased() =>
        Assessments.Given(Learned(_returnee, new ErasureNoted(_returnee, At.AddDays(1))))
            .When(Phq9(_returnee, _assessment, 0, At))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void An_assessment_after_a_closure_is_refused_and_one_before_it_accepted()
    {
        var closed = Learned(_returnee, new ClosureNoted(_returnee, At.AddDays(-1)));
        var problem = Assessments.Given(closed).When(Phq9(_returnee, _assessment, 0, At)).ThenRejected(ProblemKind.StateForbids);
        Assert.Contains("assessment", problem.Detail);
        Assessments.Given(closed).When(Phq9(_returnee, _assessment, 0, At.AddDays(-2))).Then(Phq9Recorded(_returnee, _assessment, 0, At.AddDays(-2)));
    }

    [Fact]
    public void A_phq9_with_item_9_above_0_raises_a_risk_flag() =>
        Assessments.Given()
            .When(Phq9(_returnee, _assessment, 1, At))
            .Then(Phq9Recorded(_returnee, _assessment, 1, At), new RiskFlagRaised(_returnee, _assessment, At));

    [Fact]
    public void A_session_after_the_flag_follows_it_up() =>
        Handler.Given(Phq9Recorded(_returnee, _assessment, 2, At), new RiskFlagRaised(_returnee, _assessment, At))
            .When(Session(_returnee, ValidData(), At.AddDays(1)))
            .Then(Held(_returnee, At.AddDays(1)), new RiskFlagFollowedUp(_returnee, _assessment, At, At.AddDays(1), "session"));

    [Fact]
    public void A_session_dated_before_the_flag_does_not_follow_it_up() =>
        Handler.Given(Phq9Recorded(_returnee, _assessment, 2, At), new RiskFlagRaised(_returnee, _assessment, At))
            .When(Session(_returnee, ValidData(), At.AddDays(-1)))
            .Then(Held(_returnee, At.AddDays(-1)));

    [Fact]
    public void A_later_assessment_follows_the_flag_up()
    {
        var next = Guid.NewGuid();
        Assessments.Given(Phq9Recorded(_returnee, _assessment, 2, At), new RiskFlagRaised(_returnee, _assessment, At))
            .When(Phq9(_returnee, next, 0, At.AddHours(5)))
            .Then(Phq9Recorded(_returnee, next, 0, At.AddHours(5)), new RiskFlagFollowedUp(_returnee, _assessment, At, At.AddHours(5), "assessment"));
    }

    [Fact]
    public void A_session_synced_before_the_flag_follows_it_up_the_moment_it_is_raised() =>
        Assessments.Given(Held(_returnee, At.AddDays(-3)), Held(_returnee, At.AddDays(2)), Held(_returnee, At.AddDays(1)))
            .When(Phq9(_returnee, _assessment, 1, At))
            .Then(Phq9Recorded(_returnee, _assessment, 1, At), new RiskFlagRaised(_returnee, _assessment, At),
                new RiskFlagFollowedUp(_returnee, _assessment, At, At.AddDays(1), "session"));

    [Fact]
    public void A_late_synced_session_between_the_flag_and_its_follow_up_becomes_the_follow_up() =>
        Handler.Given(Phq9Recorded(_returnee, _assessment, 2, At), new RiskFlagRaised(_returnee, _assessment, At),
                Held(_returnee, At.AddDays(3)), new RiskFlagFollowedUp(_returnee, _assessment, At, At.AddDays(3), "session"))
            .When(Session(_returnee, ValidData(), At.AddDays(1)))
            .Then(Held(_returnee, At.AddDays(1)), new RiskFlagFollowedUp(_returnee, _assessment, At, At.AddDays(1), "session"));

    [Fact]
    public void A_session_after_the_follow_up_changes_nothing_of_the_flag() =>
        Handler.Given(Phq9Recorded(_returnee, _assessment, 2, At), new RiskFlagRaised(_returnee, _assessment, At),
                Held(_returnee, At.AddDays(1)), new RiskFlagFollowedUp(_returnee, _assessment, At, At.AddDays(1), "session"))
            .When(Session(_returnee, ValidData(), At.AddDays(5)))
            .Then(Held(_returnee, At.AddDays(5)));

    [Fact]
    public void A_flagged_assessment_follows_up_an_earlier_flag_and_raises_its_own()
    {
        var next = Guid.NewGuid();
        Assessments.Given(Phq9Recorded(_returnee, _assessment, 2, At), new RiskFlagRaised(_returnee, _assessment, At))
            .When(Phq9(_returnee, next, 1, At.AddDays(7)))
            .Then(Phq9Recorded(_returnee, next, 1, At.AddDays(7)),
                new RiskFlagFollowedUp(_returnee, _assessment, At, At.AddDays(7), "assessment"),
                new RiskFlagRaised(_returnee, next, At.AddDays(7)));
    }
}
