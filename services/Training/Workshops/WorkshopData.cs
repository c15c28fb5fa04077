using FluentValidation;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Training.Workshops;

/// <summary>The <c>data</c> of <c>reintegration.training.workshop-held.v1</c>, as posted.</summary>
public sealed record WorkshopData(string? Kind, string? Region, string? Facilitator, IReadOnlyList<Guid>? Participants);

public sealed class WorkshopRules : AbstractValidator<WorkshopData>
{
    public const int MaxParticipants = 100;

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "art-therapy", "peer-support", "livelihood-skills", "technical-innovation", "cultural-activity",
    };

    public WorkshopRules()
    {
        RuleFor(x => x.Kind).Code(Kinds);
        RuleFor(x => x.Region).Code(Codes.Regions);
        RuleFor(x => x.Facilitator).Text(64).NoControlCharacters();
        RuleFor(x => x.Participants).NotNull().WithMessage("is required")
            .Must(p => p is null || p.Count is >= 1 and <= MaxParticipants).WithMessage($"must list 1 to {MaxParticipants} returnees")
            .Must(p => p is null || p.Distinct().Count() == p.Count).WithMessage("lists each returnee once")
            .Must(p => p is null || !p.Contains(Guid.Empty)).WithMessage("holds returnee UUIDs, not the empty UUID");
    }
}

/// <summary>A workshop was held for these returnees (IASC layer 2).</summary>
public sealed record WorkshopHeld(Guid WorkshopId, DateTimeOffset Time, string Source, string Kind, string Region, string Facilitator, IReadOnlyList<Guid> Participants);
