using FluentValidation;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.Training.Awareness;

/// <summary><c>reintegration.training.awareness-event-held.v1</c>: the subject is the event's UUID; an event is held once.</summary>
public sealed class RecordAwarenessEvent : CloudEventHandler<AwarenessEventData, AwarenessEvent>
{
    public const string Type = "reintegration.training.awareness-event-held.v1";

    public override string EventType => Type;

    protected override IValidator<AwarenessEventData> Validator { get; } = new AwarenessEventRules();

    public override Decision Decide(AwarenessEvent? state, CloudEventEnvelope envelope, AwarenessEventData data)
    {
        var reached = data.Reached!;
        var held = new AwarenessEventHeld(envelope.Subject, envelope.Time, envelope.Source, data.Kind!, data.Region!, data.Commune,
            new PeopleReached(reached.Women!.Value, reached.Men!.Value, reached.Girls!.Value, reached.Boys!.Value),
            data.ReturneeParticipants ?? []);

        if (state is null) return Decision.Append(held);
        return state.DetailsFingerprint == AwarenessEvent.Fingerprint(held)
            ? Decision.AlreadyKnown
            : Decision.Conflict($"Awareness event {envelope.Subject} is already recorded with other details.");
    }
}
