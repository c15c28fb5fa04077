using FluentValidation;
using Reintegration.ServiceDefaults.Reference;
using Reintegration.Training.Trainings;

namespace Reintegration.Training.Certification;

/// <summary>The <c>data</c> of <c>reintegration.training.worker-certified.v1</c>, as posted.</summary>
public sealed record CertificationData(string? Course, Guid? TrainingId);

public sealed class CertificationRules : AbstractValidator<CertificationData>
{
    public CertificationRules()
    {
        RuleFor(x => x.Course).Code(TrainingRules.Courses);
        RuleFor(x => x.TrainingId).Required().Must(id => id != Guid.Empty).WithMessage("must be a training's UUID, not the empty UUID");
    }
}

/// <summary>A worker was certified for a course on the strength of a training of that course they completed.</summary>
public sealed record WorkerCertified(Guid WorkerId, DateTimeOffset Time, string Source, string Course, Guid TrainingId);
