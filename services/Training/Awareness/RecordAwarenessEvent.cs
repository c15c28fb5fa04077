using FluentValidation;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.Training.Participants;

namespace Reintegration.Training.Awareness;

/// <summary>
/// <c>reintegration.training.awareness-event-held.v1</c>: the subject is the event's UUID; an event
/// is held once. Its returnee participants follow <see cref="ParticipantRules"/>.
/// </summary>
public sealed class RecordAwarenessEvent : CloudEventHandler<AwarenessEventData, AwarenessEventHeld>
{
    public const string Type = "reintegration.training.awareness-event-held.v1";

    public override string EventType => Type;

    protected override IValidator<AwarenessEventData> Validator { get; } = new AwarenessEventRules();

    protected override AwarenessEventHeld ToCommand(CloudEventEnvelope envelope, AwarenessEventData data)
    {
        var reached = data.Reached!;
        return new AwarenessEventHeld(envelope.Subject, envelope.Time, envelope.Source, data.Kind!, data.Region!, data.Commune,
            new PeopleReached(reached.Women!.Value, reached.Men!.Value, reached.Girls!.Value, reached.Boys!.Value),
            data.ReturneeParticipants ?? []);
    }

    /// <summary>The event's own stream and what Training learned of each returnee participant.</summary>
    protected override IReadOnlyList<Guid> Reads(CloudEventEnvelope envelope, AwarenessEventHeld held) =>
        [envelope.Subject, .. ParticipantRules.StreamsOf(held.ReturneeParticipants)];

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, AwarenessEventHeld held)
    {
        var state = states.Get<AwarenessEvent>(envelope.Subject);
        if (state is null)
            return ParticipantRules.Refusal(states, held.ReturneeParticipants, held.Time, "returneeParticipants") ?? Decision.Append(held);
        return state.DetailsFingerprint == AwarenessEvent.Fingerprint(held)
            ? Decision.AlreadyKnown
            : Decision.Conflict($"Awareness event {envelope.Subject} is already recorded with other details.");
    }
}
