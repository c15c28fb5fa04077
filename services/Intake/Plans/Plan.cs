using FluentValidation;
using Reintegration.Intake.Cases;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Intake.Plans;

/// <summary>The <c>data</c> of <c>reintegration.intake.reintegration-plan-agreed.v1</c>.</summary>
public sealed record PlanData(IReadOnlyList<GoalData>? Goals);

public sealed record GoalData(string? Dimension, string? Description);

public sealed class PlanRules : AbstractValidator<PlanData>
{
    public static readonly IReadOnlySet<string> Dimensions = new HashSet<string>(StringComparer.Ordinal) { "economic", "social", "psychosocial" };

    public PlanRules()
    {
        RuleFor(x => x.Goals).NotNull().WithMessage("is required")
            .Must(g => g is null || g.Count is >= 1 and <= 10).WithMessage("must hold 1 to 10 goals");
        RuleForEach(x => x.Goals).NotNull().WithMessage("must be an object").SetValidator(new GoalRules()!);
    }

    private sealed class GoalRules : AbstractValidator<GoalData>
    {
        public GoalRules()
        {
            RuleFor(x => x.Dimension).Code(Dimensions);
            RuleFor(x => x.Description).Text(500);
        }
    }
}

public sealed record Goal(string Dimension, string Description);

/// <summary>A reintegration plan was agreed. A later plan (by time) replaces it as the case's current plan.</summary>
public sealed record PlanAgreed(Guid ReturneeId, DateTimeOffset Time, string Source, IReadOnlyList<Goal> Goals);

/// <summary><c>reintegration.intake.reintegration-plan-agreed.v1</c>.</summary>
public sealed class AgreePlan : CloudEventHandler<PlanData, PlanAgreed>
{
    public const string Type = "reintegration.intake.reintegration-plan-agreed.v1";

    public override string EventType => Type;

    protected override IValidator<PlanData> Validator { get; } = new PlanRules();

    protected override PlanAgreed ToCommand(CloudEventEnvelope envelope, PlanData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, data.Goals!.Select(g => new Goal(g.Dimension!, g.Description!)).ToList());

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, PlanAgreed agreed)
    {
        var (state, refusal) = CaseRules.OpenAt(states, envelope);
        return refusal ?? CaseRules.AppendNew(state!.Plans, agreed);
    }
}
