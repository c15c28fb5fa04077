using FluentValidation;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.Training.Trainings;

namespace Reintegration.Training.Certification;

/// <summary>
/// <c>reintegration.training.worker-certified.v1</c>: the subject is the worker's UUID. Accepted only
/// when <c>trainingId</c> names a training of that <c>course</c> that this worker completed: the
/// rule lives in the training's stream, so the decision reads it (it appends to the worker's
/// stream only, and trainings are never changed, so the training's stream needs no version check).
/// A certification that arrives before its training is refused (<c>training-not-known</c>) and
/// is to be sent again after the training. Certified twice for one course: already known.
/// </summary>
public sealed class CertifyWorker : CloudEventHandler<CertificationData, WorkerCertified>
{
    public const string Type = "reintegration.training.worker-certified.v1";

    public override string EventType => Type;

    protected override IValidator<CertificationData> Validator { get; } = new CertificationRules();

    protected override WorkerCertified ToCommand(CloudEventEnvelope envelope, CertificationData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, data.Course!, data.TrainingId!.Value);

    protected override IEnumerable<(string Field, string Message)> EnvelopeRules(CloudEventEnvelope envelope, CertificationData data)
    {
        if (data.TrainingId == envelope.Subject) yield return ("trainingId", "must name the training, not the worker the event is about (its subject)");
    }

    /// <summary>The worker's stream (appended to) and the training's (read only).</summary>
    protected override IReadOnlyList<Guid> Reads(CloudEventEnvelope envelope, WorkerCertified certified) => [envelope.Subject, certified.TrainingId];

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, WorkerCertified certified)
    {
        var training = states.Get<DeliveredTraining>(certified.TrainingId);
        if (training is null)
            return new Decision.Reject(Problem.Field(ProblemKind.TrainingNotKnown, "data.trainingId",
                $"Training {certified.TrainingId} is not known to Training (yet): post its training-delivered event first, then send this certification again."));
        if (training.Course != certified.Course)
            return new Decision.Reject(Problem.Field(ProblemKind.InvalidData, "data.course",
                $"Training {certified.TrainingId} was a '{training.Course}' course, not '{certified.Course}': a certificate is for the course of the training that earned it."));
        var participant = training.Participant(certified.WorkerId);
        if (participant is not { Completed: true })
            return new Decision.Reject(Problem.Field(ProblemKind.InvalidData, "data.trainingId", participant is null
                ? $"Worker {certified.WorkerId} is not a participant of training {certified.TrainingId}: a certificate needs a training the worker completed."
                : $"Worker {certified.WorkerId} took part in training {certified.TrainingId} but did not complete it: a certificate needs a training the worker completed."));

        return states.Get<CertifiedWorker>(envelope.Subject)?.CertifiedFor(certified.Course) == true
            ? Decision.AlreadyKnown
            : Decision.Append(certified);
    }
}
