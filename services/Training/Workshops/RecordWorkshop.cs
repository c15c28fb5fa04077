using FluentValidation;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.Training.Participants;

namespace Reintegration.Training.Workshops;

/// <summary>
/// <c>reintegration.training.workshop-held.v1</c>: the subject is the workshop's UUID; a workshop is
/// held once (the same report again adds nothing, other details are a 409). Refused, naming them,
/// when participants withdrew consent to data processing or had their case closed before the
/// workshop's time (<see cref="ParticipantRules"/>); returnees not registered yet are accepted.
/// </summary>
public sealed class RecordWorkshop : CloudEventHandler<WorkshopData, WorkshopHeld>
{
    public const string Type = "reintegration.training.workshop-held.v1";

    public override string EventType => Type;

    protected override IValidator<WorkshopData> Validator { get; } = new WorkshopRules();

    protected override WorkshopHeld ToCommand(CloudEventEnvelope envelope, WorkshopData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, data.Kind!, data.Region!, data.Facilitator!, data.Participants!);

    /// <summary>The workshop's own stream and what Training learned of each participant.</summary>
    protected override IReadOnlyList<Guid> Reads(CloudEventEnvelope envelope, WorkshopHeld held) =>
        [envelope.Subject, .. ParticipantRules.StreamsOf(held.Participants)];

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, WorkshopHeld held)
    {
        var state = states.Get<Workshop>(envelope.Subject);
        if (state is null) return ParticipantRules.Refusal(states, held.Participants, held.Time, "participants") ?? Decision.Append(held);
        return state.DetailsFingerprint == Workshop.Fingerprint(held)
            ? Decision.AlreadyKnown
            : Decision.Conflict($"Workshop {envelope.Subject} is already recorded with other details.");
    }
}
