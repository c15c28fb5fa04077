using Reintegration.Counselling.Clients;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Support.HandlerSpecification;
using static Reintegration.UnitTests.Counselling.Sessions;

namespace Reintegration.UnitTests.Counselling;

/// <summary>
/// What Counselling learned from Intake (consent changes, erasure) decides whether a session is
/// recorded, by when things happened in the field, whatever order they were learned in.
/// </summary>
public sealed class RespectingConsentTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    private RegistrationNoted Registered(int daysBefore, bool counselling = true) => new(_returnee, Envelopes.At.AddDays(-daysBefore), counselling);

    private ConsentNoted Consent(int daysBefore, bool counselling, bool dataProcessing = true) =>
        new(_returnee, Envelopes.At.AddDays(-daysBefore), dataProcessing, counselling);

    [Fact]
    public void Session_is_refused_once_the_returnees_data_is_known_erased()
    {
        var problem = Handler.Given(Learned(_returnee, Registered(30), new ErasureNoted(_returnee, Envelopes.At.AddDays(-2))))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

        Assert.Contains("erased", problem.Detail);
        Assert.DoesNotContain("counsellor-kita-07", problem.Detail);
    }

    [Fact]
    public void Session_dated_before_the_erasure_is_refused_too_nothing_more_is_recorded() =>
        Handler.Given(Learned(_returnee, Registered(30), new ErasureNoted(_returnee, Envelopes.At.AddDays(5))))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void Session_is_refused_once_data_processing_is_known_withdrawn_before_the_erasure_itself_arrives() =>
        Handler.Given(Learned(_returnee, Registered(30), Consent(3, counselling: true, dataProcessing: false)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_later_consent_change_does_not_undo_a_withdrawal_of_data_processing() =>
        Handler.Given(Learned(_returnee, Registered(30), Consent(10, counselling: true, dataProcessing: false), Consent(3, counselling: true)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void Session_is_refused_once_counselling_consent_is_withdrawn()
    {
        var problem = Handler.Given(Learned(_returnee, Registered(30), Consent(5, counselling: false)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

        Assert.Contains("consent", problem.Detail);
    }

    [Fact]
    public void Session_is_recorded_once_counselling_consent_is_given_after_a_refusal_at_registration() =>
        Handler.Given(Learned(_returnee, Registered(30, counselling: false), Consent(5, counselling: true)))
            .When(Session(_returnee, ValidData()))
            .Then(Held(_returnee, Envelopes.At));

    [Fact]
    public void A_consent_change_learned_before_the_registration_but_dated_after_it_stands() =>
        Handler.Given(Learned(_returnee, Consent(5, counselling: true), Registered(30, counselling: false)))
            .When(Session(_returnee, ValidData()))
            .Then(Held(_returnee, Envelopes.At));

    [Fact]
    public void A_refusal_learned_before_the_registration_but_dated_after_it_stands() =>
        Handler.Given(Learned(_returnee, Consent(5, counselling: false), Registered(30, counselling: true)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_consent_change_dated_before_the_registration_does_not_override_it() =>
        Handler.Given(Learned(_returnee, Registered(30, counselling: false), Consent(40, counselling: true)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void An_earlier_withdrawal_learned_after_a_later_consent_does_not_override_it() =>
        Handler.Given(Learned(_returnee, Registered(30), Consent(5, counselling: true), Consent(15, counselling: false)))
            .When(Session(_returnee, ValidData()))
            .Then(Held(_returnee, Envelopes.At));

    [Fact]
    public void An_earlier_consent_learned_after_a_later_withdrawal_does_not_override_it() =>
        Handler.Given(Learned(_returnee, Registered(30), Consent(5, counselling: false), Consent(15, counselling: true)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_change_at_the_very_instant_of_the_registration_follows_it() =>
        Handler.Given(Learned(_returnee, Consent(30, counselling: true), Registered(30, counselling: false)))
            .When(Session(_returnee, ValidData()))
            .Then(Held(_returnee, Envelopes.At));

    [Fact]
    public void Of_two_changes_at_the_same_instant_the_refusal_stands_whatever_the_order_learned()
    {
        Handler.Given(Learned(_returnee, Registered(30), Consent(5, counselling: false), Consent(5, counselling: true)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);
        Handler.Given(Learned(_returnee, Registered(30), Consent(5, counselling: true), Consent(5, counselling: false)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);
    }

    [Fact]
    public void A_withdrawal_learned_after_sessions_were_recorded_refuses_the_next_one() =>
        Handler.Given(
                Held(_returnee, Envelopes.At.AddDays(-7)),
                Learned(_returnee, Registered(30), Consent(3, counselling: false)))
            .When(Session(_returnee, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);
}

/// <summary>
/// A closed case takes no activity dated after the closure until it is reopened; activity dated
/// before it (a late sync) is accepted.
/// </summary>
public sealed class RespectingTheCaseStatusTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    private PastEvents Told(params object[] facts) =>
        Learned(_returnee, [new RegistrationNoted(_returnee, Day(-60), CounsellingConsent: true), .. facts]);

    private static DateTimeOffset Day(int offset) => Envelopes.At.AddDays(offset);

    private ClosureNoted Closed(int day) => new(_returnee, Day(day));

    private ReopeningNoted Reopened(int day) => new(_returnee, Day(day));

    private Outcome SessionOn(DateTimeOffset time, params object[] facts) =>
        Handler.Given(Told(facts)).When(Session(_returnee, ValidData(), time));

    [Fact]
    public void Session_dated_after_the_closure_is_refused_with_what_to_do()
    {
        var problem = SessionOn(Day(0), Closed(-5)).ThenRejected(ProblemKind.StateForbids);

        Assert.Contains("closed at 2026-03-05T09:00:00Z", problem.Detail);
        Assert.Contains("reopened", problem.Detail);
        Assert.DoesNotContain("counsellor-kita-07", problem.Detail);
    }

    [Fact]
    public void Session_dated_before_the_closure_is_a_late_sync_and_accepted() =>
        SessionOn(Day(-10), Closed(-5)).Then(Held(_returnee, Day(-10)));

    [Fact]
    public void Session_at_the_very_instant_of_the_closure_is_not_after_it() =>
        SessionOn(Day(-5), Closed(-5)).Then(Held(_returnee, Day(-5)));

    [Fact]
    public void A_closure_learned_after_sessions_were_recorded_refuses_the_next_one_after_it_but_not_a_late_one_before_it()
    {
        var recorded = Held(_returnee, Day(-20));
        Handler.Given(recorded, Told(Closed(-5))).When(Session(_returnee, ValidData(), Day(0))).ThenRejected(ProblemKind.StateForbids);
        Handler.Given(recorded, Told(Closed(-5))).When(Session(_returnee, ValidData(), Day(-8))).Then(Held(_returnee, Day(-8)));
    }

    [Fact]
    public void Session_after_a_reopening_is_accepted() =>
        SessionOn(Day(0), Closed(-10), Reopened(-3)).Then(Held(_returnee, Day(0)));

    [Fact]
    public void Session_between_the_closure_and_the_reopening_is_refused() =>
        SessionOn(Day(-6), Closed(-10), Reopened(-3)).ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void Session_at_the_very_instant_of_the_reopening_is_accepted() =>
        SessionOn(Day(-3), Closed(-10), Reopened(-3)).Then(Held(_returnee, Day(-3)));

    [Fact]
    public void A_reopening_learned_before_its_closure_still_reopens_the_case()
    {
        SessionOn(Day(0), Reopened(-3), Closed(-10)).Then(Held(_returnee, Day(0)));
        SessionOn(Day(-6), Reopened(-3), Closed(-10)).ThenRejected(ProblemKind.StateForbids);
    }

    [Fact]
    public void A_reopening_dated_before_the_closure_does_not_reopen_it() =>
        SessionOn(Day(0), Reopened(-20), Closed(-10)).ThenRejected(ProblemKind.StateForbids);

    [Theory]
    [InlineData(-25, true)] // before the first closure
    [InlineData(-17, false)] // after the first closure, before the reopening
    [InlineData(-10, true)] // reopened, before the second closure
    [InlineData(0, false)] // after the second closure
    public void Closed_twice_with_a_reopening_between_each_session_is_judged_by_the_closure_in_force_at_its_time(int day, bool accepted)
    {
        foreach (var order in new object[][] { [Closed(-20), Reopened(-15), Closed(-5)], [Closed(-5), Closed(-20), Reopened(-15)], [Reopened(-15), Closed(-5), Closed(-20)] })
        {
            var outcome = SessionOn(Day(day), order);
            if (accepted) outcome.Then(Held(_returnee, Day(day)));
            else outcome.ThenRejected(ProblemKind.StateForbids);
        }
    }

    [Fact]
    public void Closed_twice_without_a_reopening_is_closed_from_the_first_closure() =>
        SessionOn(Day(-10), Closed(-5), Closed(-15)).ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void The_same_closure_learned_twice_is_kept_once() =>
        Assert.Single(CounsellingClient.Fold(CounsellingClient.Fold(null, Guid.Empty, Closed(-5)), Guid.Empty, Closed(-5))!.Closures);
}
