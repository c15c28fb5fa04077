using FluentValidation;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Training.Trainings;

public sealed class TrainingRules : AbstractValidator<TrainingData>
{
    public const int MaxParticipants = 200;

    public static readonly IReadOnlySet<string> Courses = new HashSet<string>(StringComparer.Ordinal)
    {
        "psychological-first-aid", "mhpss-foundations", "psychosocial-counselling", "case-management", "mhgap", "staff-care",
    };

    public static readonly IReadOnlySet<string> Roles = new HashSet<string>(StringComparer.Ordinal)
    {
        "social-worker", "health-worker", "community-volunteer", "teacher", "public-official",
    };

    public TrainingRules()
    {
        RuleFor(x => x.Course).Code(Courses);
        RuleFor(x => x.StartDate).Required();
        RuleFor(x => x.EndDate).Required()
            .Must((x, end) => end is null || x.StartDate is null || end >= x.StartDate).WithMessage("must not be before startDate");
        RuleFor(x => x.Region).Code(Codes.Regions);
        RuleFor(x => x.Trainer).Text(64).NoControlCharacters();
        RuleFor(x => x.Participants).NotNull().WithMessage("is required")
            .Must(p => p is null || p.Count is >= 1 and <= MaxParticipants).WithMessage($"must hold 1 to {MaxParticipants} participants");
        RuleForEach(x => x.Participants).NotNull().WithMessage("must be an object").SetValidator(new ParticipantRules()!);
        // The same worker twice in one training: named at the second mention.
        RuleFor(x => x.Participants).Custom((participants, context) =>
        {
            if (participants is null) return;
            var seen = new HashSet<Guid>();
            for (var i = 0; i < participants.Count; i++)
                if (participants[i]?.WorkerId is { } id && !seen.Add(id))
                    context.AddFailure($"Participants[{i}].WorkerId", "names a worker already listed in this training: each worker takes part once");
        });
    }

    private sealed class ParticipantRules : AbstractValidator<TrainingParticipantData>
    {
        public ParticipantRules()
        {
            RuleFor(x => x.WorkerId).Required().Must(id => id != Guid.Empty).WithMessage("must be a worker's UUID, not the empty UUID");
            RuleFor(x => x.Sex).Code(Codes.Sexes);
            RuleFor(x => x.Role).Code(Roles);
            RuleFor(x => x.Organisation).Text(100).NoControlCharacters();
            RuleFor(x => x.PreTestScore).InclusiveBetween(0, 100).WithMessage("must be an integer from 0 to 100 when present");
            RuleFor(x => x.PostTestScore).InclusiveBetween(0, 100).WithMessage("must be an integer from 0 to 100 when present");
            RuleFor(x => x.Completed).Required();
        }
    }
}
