using Reintegration.Intake.Cases;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Intake.Case.CaseEvents;

namespace Reintegration.UnitTests.Intake.Case;

/// <summary>Open from registration, closed with a reason, reopened with a reason.</summary>
public sealed class CaseLifecycleTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    [Fact]
    public void An_open_case_is_closed_with_its_reason() =>
        Close.Given(Registered(_returnee)).When(Posted(Close, _returnee, Closure(), Day(0))).Then(Closed(_returnee, Day(0)));

    [Fact]
    public void Closing_a_closed_case_for_the_same_reason_is_the_same_fact_again() =>
        Close.Given(Registered(_returnee), Closed(_returnee, Day(0)))
            .When(Posted(Close, _returnee, Closure(), Day(2))).ThenNothingNew();

    [Fact]
    public void Closing_a_closed_case_for_another_reason_is_refused() =>
        Close.Given(Registered(_returnee), Closed(_returnee, Day(0)))
            .When(Posted(Close, _returnee, Closure("left-area"), Day(2))).ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_closed_case_is_reopened_with_its_reason() =>
        Reopen.Given(Registered(_returnee), Closed(_returnee, Day(0)))
            .When(Posted(Reopen, _returnee, """{"reason": "Returned to the programme"}""", Day(3))).Then(Reopened(_returnee, Day(3)));

    [Fact]
    public void Reopening_an_open_case_is_refused() =>
        Reopen.Given(Registered(_returnee))
            .When(Posted(Reopen, _returnee, """{"reason": "Returned to the programme"}""", Day(3))).ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void The_same_reopening_again_is_the_same_fact() =>
        Reopen.Given(Registered(_returnee), Closed(_returnee, Day(0)), Reopened(_returnee, Day(3)))
            .When(Posted(Reopen, _returnee, """{"reason": "Returned to the programme"}""", Day(4))).ThenNothingNew();

    [Fact]
    public void Another_reopening_of_a_reopened_case_is_refused() =>
        Reopen.Given(Registered(_returnee), Closed(_returnee, Day(0)), Reopened(_returnee, Day(3)))
            .When(Posted(Reopen, _returnee, """{"reason": "Something else"}""", Day(4))).ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_reopening_dated_before_the_closure_is_refused() =>
        Reopen.Given(Registered(_returnee), Closed(_returnee, Day(5)))
            .When(Posted(Reopen, _returnee, """{"reason": "Returned to the programme"}""", Day(4))).ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_reopened_case_can_be_closed_again() =>
        Close.Given(Registered(_returnee), Closed(_returnee, Day(0)), Reopened(_returnee, Day(3)))
            .When(Posted(Close, _returnee, Closure("lost-to-follow-up"), Day(9))).Then(Closed(_returnee, Day(9), "lost-to-follow-up"));

    [Fact]
    public void A_closure_dated_before_the_reopening_in_force_is_refused() =>
        Close.Given(Registered(_returnee), Closed(_returnee, Day(0)), Reopened(_returnee, Day(3)))
            .When(Posted(Close, _returnee, Closure("left-area"), Day(2))).ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void Closing_or_reopening_a_returnee_not_registered_is_refused()
    {
        Close.Given().When(Posted(Close, _returnee, Closure(), Day(0))).ThenRejected(ProblemKind.NotRegistered);
        Reopen.Given().When(Posted(Reopen, _returnee, """{"reason": "x"}""", Day(0))).ThenRejected(ProblemKind.NotRegistered);
    }

    [Fact]
    public void The_case_of_a_returnee_who_withdrew_consent_cannot_be_closed() =>
        Close.Given(Registered(_returnee), new ReturneeErased(_returnee, Day(0)))
            .When(Posted(Close, _returnee, Closure(), Day(1))).ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_returnee_who_withdrew_consent_cannot_be_registered_again() =>
        Registrations.Handler.Given(Registrations.Registered(_returnee, Envelopes.At), new ReturneeErased(_returnee, Day(0)))
            .When(Registrations.Registration(_returnee, Registrations.ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

    [Theory]
    [InlineData("""{"reason": "bored"}""")]
    [InlineData("""{}""")]
    public void A_closure_reason_is_one_of_the_catalogues(string data) =>
        Close.Prepare(Posted(Close, _returnee, data, Day(0))).Problem.AssertOnlyField(ProblemKind.InvalidData, "data.reason");

    [Theory]
    [InlineData("""{"reason": ""}""")]
    [InlineData("""{}""")]
    public void A_reopening_reason_is_1_to_500_characters(string data) =>
        Reopen.Prepare(Posted(Reopen, _returnee, data, Day(0))).Problem.AssertOnlyField(ProblemKind.InvalidData, "data.reason");

    [Fact]
    public void The_view_shows_status_closure_and_reopening()
    {
        var closed = Fold(Registered(_returnee), Closed(_returnee, Day(0)));
        var view = ReturneeView.From(closed, identity: null).Case;
        Assert.Equal("closed", view.Status);
        Assert.Equal(("support-completed", Day(0)), (view.Closure!.Reason, view.Closure.ClosedAt));

        var reopened = ReturneeView.From(ReturneeCase.Fold(closed, _returnee, Reopened(_returnee, Day(2)))!, identity: null).Case;
        Assert.Equal("open", reopened.Status);
        Assert.Null(reopened.Closure);
        Assert.Null(reopened.Reopening!.Reason); // free text only in the identifying view
    }

    private ReturneeCase Fold(params object[] events) =>
        events.Aggregate((ReturneeCase?)null, (s, e) => ReturneeCase.Fold(s, _returnee, e))!;
}
