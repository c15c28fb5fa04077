using FluentValidation;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Counselling.Referrals;

public sealed class ReferralMadeRules : AbstractValidator<ReferralMadeData>
{
    public static readonly IReadOnlySet<string> Services = new HashSet<string>(StringComparer.Ordinal)
    {
        "specialised-mental-health", "medical", "legal", "economic-reintegration", "education", "shelter", "family-tracing",
    };

    public static readonly IReadOnlySet<string> Urgencies = new HashSet<string>(StringComparer.Ordinal) { "routine", "urgent", "emergency" };

    public const int MaxProviderLength = 200;

    public ReferralMadeRules()
    {
        RuleFor(x => x.ReferralId).Required().NotEqual(Guid.Empty).WithMessage("must be a UUID, not the empty UUID");
        RuleFor(x => x.Service).Code(Services);
        RuleFor(x => x.Urgency).Code(Urgencies);
        RuleFor(x => x.Provider).OptionalText(MaxProviderLength).NoControlCharacters();
    }
}

public sealed class ReferralClosedRules : AbstractValidator<ReferralClosedData>
{
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal) { "service-received", "declined", "not-reached", "cancelled" };

    public ReferralClosedRules()
    {
        RuleFor(x => x.ReferralId).Required().NotEqual(Guid.Empty).WithMessage("must be a UUID, not the empty UUID");
        RuleFor(x => x.Outcome).Code(Outcomes);
    }
}
