using FluentValidation;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Counselling.GroupSessions;

public sealed class GroupSessionRules : AbstractValidator<GroupSessionData>
{
    public const int MinParticipants = 2;
    public const int MaxParticipants = 50;

    public GroupSessionRules()
    {
        RuleFor(x => x.Participants).NotNull().WithMessage("is required")
            .Must(p => p is null || p.Count is >= MinParticipants and <= MaxParticipants)
            .WithMessage($"must list {MinParticipants} to {MaxParticipants} returnees")
            .Custom((participants, context) =>
            {
                if (participants is null) return;
                var seen = new HashSet<Guid>();
                for (var i = 0; i < participants.Count; i++)
                {
                    if (participants[i] == Guid.Empty) context.AddFailure($"Participants[{i}]", "must be a returnee's UUID, not the empty UUID");
                    else if (!seen.Add(participants[i])) context.AddFailure($"Participants[{i}]", "names a participant already listed: list each returnee once");
                }
            });
        RuleFor(x => x.Topic).Text(200);
        RuleFor(x => x.Facilitator).Text(64).NoControlCharacters();
        RuleFor(x => x.DurationMinutes).Between(5, 480);
        RuleFor(x => x.Region).Code(Codes.Regions);
    }
}
