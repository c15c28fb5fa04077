using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Training.AwarenessEvents;

namespace Reintegration.UnitTests.Training;

public sealed class RecordingAnAwarenessEventTests
{
    private readonly Guid _event = Guid.NewGuid();

    [Fact]
    public void An_awareness_event_reported_for_the_first_time_is_recorded() =>
        Handler.Given()
            .When(AwarenessEvent(_event, ValidData()))
            .Then(Held(_event, Envelopes.At));

    [Fact]
    public void Without_returnee_participants_the_event_is_recorded_with_none() =>
        Handler.Given()
            .When(AwarenessEvent(_event, ValidData().Without("returneeParticipants")))
            .Then(Held(_event, Envelopes.At) with { ReturneeParticipants = [] });

    [Fact]
    public void The_same_event_reported_again_adds_nothing() =>
        Handler.Given(Held(_event, Envelopes.At))
            .When(AwarenessEvent(_event, ValidData()))
            .ThenNothingNew();

    [Fact]
    public void The_same_event_reported_by_another_partner_adds_nothing() =>
        Handler.Given(Held(_event, Envelopes.At))
            .When(AwarenessEvent(_event, ValidData(), source: "urn:partner:un-agency"))
            .ThenNothingNew();

    [Theory]
    [InlineData("kind", "\"radio-broadcast\"")]
    [InlineData("region", "\"kita\"")]
    [InlineData("reached.women", "35")]
    [InlineData("returneeParticipants", "[]")]
    public void The_same_event_with_other_details_contradicts_the_stored_one(string field, string otherValue) =>
        Handler.Given(Held(_event, Envelopes.At))
            .When(AwarenessEvent(_event, ValidData().Set(field, otherValue)))
            .ThenRejected(ProblemKind.Contradiction);

    [Fact]
    public void The_same_event_reported_at_another_time_contradicts_the_stored_one() =>
        Handler.Given(Held(_event, Envelopes.At))
            .When(AwarenessEvent(_event, ValidData(), time: Envelopes.At.AddDays(1)))
            .ThenRejected(ProblemKind.Contradiction);
}
