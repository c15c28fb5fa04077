using FluentValidation;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Intake.Consent;

/// <summary>The catalogue's rules for a consent update.</summary>
public sealed class ConsentUpdateRules : AbstractValidator<ConsentUpdateData>
{
    public ConsentUpdateRules()
    {
        // A rule on the whole object would be reported as "data."; the first field carries it.
        RuleFor(x => x.DataProcessing)
            .Must((x, _) => x.DataProcessing is not null || x.Counselling is not null || x.FollowUpContact is not null || x.DataSharing is not null)
            .WithMessage("send at least one of dataProcessing, counselling, followUpContact, dataSharing");
        RuleFor(x => x.DataSharing).Must(list => list is null || list.Count <= 50).WithMessage("lists at most 50 partner sources");
        RuleForEach(x => x.DataSharing).Text(200);
    }
}
