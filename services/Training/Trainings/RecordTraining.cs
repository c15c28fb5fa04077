using FluentValidation;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.Training.Trainings;

/// <summary>
/// <c>reintegration.training.training-delivered.v1</c>: the subject is the training's UUID. A
/// training is delivered once: the same report again adds nothing; a report with other details is
/// a correction, which the catalogue has no type for (409).
/// </summary>
public sealed class RecordTraining : CloudEventHandler<TrainingData, TrainingDelivered>
{
    public const string Type = "reintegration.training.training-delivered.v1";

    public override string EventType => Type;

    protected override IValidator<TrainingData> Validator { get; } = new TrainingRules();

    protected override TrainingDelivered ToCommand(CloudEventEnvelope envelope, TrainingData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, data.Course!, data.StartDate!.Value, data.EndDate!.Value, data.Region!, data.Trainer!,
            data.Participants!.Select(p => new TrainedWorker(
                p!.WorkerId!.Value, p.Sex!, p.Role!, p.Organisation!, p.PreTestScore, p.PostTestScore, p.Completed!.Value)).ToList());

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, TrainingDelivered delivered)
    {
        var state = states.Get<DeliveredTraining>(envelope.Subject);
        if (state is null) return Decision.Append(delivered);
        return state.DetailsFingerprint == DeliveredTraining.Fingerprint(delivered)
            ? Decision.AlreadyKnown
            : Decision.Conflict($"Training {envelope.Subject} is already recorded with other details; the catalogue has no type to correct a training. "
                + "Send it again exactly as first reported, or ask the programme to correct it.");
    }
}
