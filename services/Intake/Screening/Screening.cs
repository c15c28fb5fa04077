using FluentValidation;
using Reintegration.Intake.Cases;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Intake.Screening;

/// <summary>The <c>data</c> of <c>reintegration.intake.vulnerability-screened.v1</c>.</summary>
public sealed record ScreeningData(IReadOnlyList<string>? Vulnerabilities, bool? UrgentCareNeeded);

public sealed class ScreeningRules : AbstractValidator<ScreeningData>
{
    public static readonly IReadOnlySet<string> Vulnerabilities = new HashSet<string>(StringComparer.Ordinal)
    {
        "unaccompanied-minor", "survivor-of-trafficking", "survivor-of-violence", "detention-experience", "serious-medical-condition",
        "disability", "mental-health-concern", "single-parent", "older-person", "pregnant-or-lactating",
    };

    public ScreeningRules()
    {
        RuleFor(x => x.Vulnerabilities).NotNull().WithMessage("is required (an empty list when none is found)")
            .Must(v => v is null || v.Distinct().Count() == v.Count).WithMessage("lists each vulnerability once");
        RuleForEach(x => x.Vulnerabilities).Code(Vulnerabilities);
        RuleFor(x => x.UrgentCareNeeded).Required();
    }
}

/// <summary>A vulnerability screening. Every one is kept; the case's current screening is the latest by time.</summary>
public sealed record VulnerabilityScreened(Guid ReturneeId, DateTimeOffset Time, string Source, IReadOnlyList<string> Vulnerabilities, bool UrgentCareNeeded);

/// <summary>
/// <c>reintegration.intake.vulnerability-screened.v1</c>: the latest screening by <c>time</c>
/// replaces earlier ones; a late-synced older one is stored but does not become current.
/// </summary>
public sealed class ScreenVulnerability : CloudEventHandler<ScreeningData, VulnerabilityScreened>
{
    public const string Type = "reintegration.intake.vulnerability-screened.v1";

    public override string EventType => Type;

    protected override IValidator<ScreeningData> Validator { get; } = new ScreeningRules();

    protected override VulnerabilityScreened ToCommand(CloudEventEnvelope envelope, ScreeningData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, data.Vulnerabilities!, data.UrgentCareNeeded!.Value);

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, VulnerabilityScreened screened)
    {
        var (state, refusal) = CaseRules.OpenAt(states, envelope);
        return refusal ?? CaseRules.AppendNew(state!.Screenings, screened);
    }
}
