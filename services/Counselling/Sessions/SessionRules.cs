using FluentValidation;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Counselling.Sessions;

public sealed class SessionRules : AbstractValidator<SessionData>
{
    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal) { "individual", "family" };
    public static readonly IReadOnlySet<string> Modalities = new HashSet<string>(StringComparer.Ordinal) { "in-person", "phone", "video" };

    /// <summary>IASC layer 3 (the first four) and layer 4 (<c>specialised-care</c>).</summary>
    public static readonly IReadOnlySet<string> Interventions = new HashSet<string>(StringComparer.Ordinal)
    {
        "psychological-first-aid", "basic-counselling", "structured-psychological-intervention", "follow-up", "specialised-care",
    };

    public SessionRules()
    {
        RuleFor(x => x.Format).Code(Formats);
        RuleFor(x => x.Modality).Code(Modalities);
        RuleFor(x => x.Intervention).Code(Interventions);
        RuleFor(x => x.DurationMinutes).Between(5, 480);
        RuleFor(x => x.Counsellor).Text(64).NoControlCharacters();
    }
}
