using FluentValidation;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Training.Awareness;

public sealed class AwarenessEventRules : AbstractValidator<AwarenessEventData>
{
    public const int MaxReachedPerGroup = 1_000_000;
    public const int MaxReturneeParticipants = 1_000;

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "care-campaign", "information-session", "community-dialogue", "radio-broadcast", "school-session",
    };

    public AwarenessEventRules()
    {
        RuleFor(x => x.Kind).Code(Kinds);
        RuleFor(x => x.Region).Code(Codes.Regions);
        RuleFor(x => x.Commune).OptionalText(100).NoControlCharacters();
        RuleFor(x => x.Reached).NotNull().WithMessage("is required").SetValidator(new ReachedRules()!);
        RuleFor(x => x.ReturneeParticipants)
            .Must(p => p is null || p.Count <= MaxReturneeParticipants).WithMessage($"lists at most {MaxReturneeParticipants} returnees")
            .Must(p => p is null || p.Distinct().Count() == p.Count).WithMessage("lists each returnee once")
            .Must(p => p is null || !p.Contains(Guid.Empty)).WithMessage("holds returnee UUIDs, not the empty UUID");
    }

    private sealed class ReachedRules : AbstractValidator<ReachedData>
    {
        public ReachedRules()
        {
            RuleFor(x => x.Women).Between(0, MaxReachedPerGroup);
            RuleFor(x => x.Men).Between(0, MaxReachedPerGroup);
            RuleFor(x => x.Girls).Between(0, MaxReachedPerGroup);
            RuleFor(x => x.Boys).Between(0, MaxReachedPerGroup);
            RuleFor(x => x).Must(r => (r.Women ?? 0) + (r.Men ?? 0) + (r.Girls ?? 0) + (r.Boys ?? 0) >= 1)
                .WithName("total").WithMessage("women, men, girls and boys must add up to at least 1");
        }
    }
}
