using Reintegration.ServiceDefaults.Problems;
using Reintegration.Training.Participants;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Support.HandlerSpecification;
using static Reintegration.UnitTests.Training.AwarenessEvents;

namespace Reintegration.UnitTests.Training;

/// <summary>An awareness event's returnee participants follow the workshop's participant rules.</summary>
public sealed class AwarenessEventParticipantsTests
{
    private readonly Guid _event = Guid.NewGuid();

    [Fact]
    public void An_erased_returnee_participant_is_refused_naming_them()
    {
        var problem = Handler.Given(Learned(SecondReturnee, new ErasureNoted(SecondReturnee, Envelopes.At.AddDays(-1))))
            .When(AwarenessEvent(_event, ValidData()))
            .ThenRejected(ProblemKind.StateForbids);

        Assert.Equal(["data.returneeParticipants[1]"], problem.Errors!.Keys);
    }

    [Fact]
    public void A_returnee_whose_case_was_closed_before_the_event_is_refused() =>
        Handler.Given(Learned(FirstReturnee, new ClosureNoted(FirstReturnee, Envelopes.At.AddHours(-1))))
            .When(AwarenessEvent(_event, ValidData()))
            .ThenRejected(ProblemKind.StateForbids)
            .AssertOnlyField(ProblemKind.StateForbids, "data.returneeParticipants[0]");

    [Fact]
    public void A_closure_at_the_event_s_very_instant_is_not_before_it() =>
        Handler.Given(Learned(FirstReturnee, new ClosureNoted(FirstReturnee, Envelopes.At)))
            .When(AwarenessEvent(_event, ValidData()))
            .Then(Held(_event, Envelopes.At));

    [Fact]
    public void An_event_without_returnee_participants_reads_nobody_s_facts() =>
        Handler.Given(Learned(FirstReturnee, new ErasureNoted(FirstReturnee, Envelopes.At.AddDays(-1))))
            .When(AwarenessEvent(_event, ValidData().Without("returneeParticipants")))
            .Then(Held(_event, Envelopes.At) with { ReturneeParticipants = [] });
}
