using FluentValidation;
using Reintegration.Intake.Cases;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.Intake.Surveys;

/// <summary>The <c>data</c> of <c>reintegration.intake.sustainability-survey-recorded.v1</c>: four scores, each 0–1.</summary>
public sealed record SurveyData(decimal? Economic, decimal? Social, decimal? Psychosocial, decimal? Composite);

public sealed class SurveyRules : AbstractValidator<SurveyData>
{
    public SurveyRules()
    {
        RuleFor(x => x.Economic).Score();
        RuleFor(x => x.Social).Score();
        RuleFor(x => x.Psychosocial).Score();
        RuleFor(x => x.Composite).Score();
    }
}

internal static class ScoreRule
{
    public static IRuleBuilderOptions<T, decimal?> Score<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.NotNull().WithMessage("is required")
            .InclusiveBetween(0m, 1m).WithMessage("must be a number from 0 to 1");
}

/// <summary>A sustainability survey's scores. The case shows the latest by time.</summary>
public sealed record SurveyRecorded(Guid ReturneeId, DateTimeOffset Time, string Source, decimal Economic, decimal Social, decimal Psychosocial, decimal Composite);

/// <summary><c>reintegration.intake.sustainability-survey-recorded.v1</c>.</summary>
public sealed class RecordSurvey : CloudEventHandler<SurveyData, SurveyRecorded>
{
    public const string Type = "reintegration.intake.sustainability-survey-recorded.v1";

    public override string EventType => Type;

    protected override IValidator<SurveyData> Validator { get; } = new SurveyRules();

    protected override SurveyRecorded ToCommand(CloudEventEnvelope envelope, SurveyData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, data.Economic!.Value, data.Social!.Value, data.Psychosocial!.Value, data.Composite!.Value);

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, SurveyRecorded recorded)
    {
        var (state, refusal) = CaseRules.OpenAt(states, envelope);
        return refusal ?? CaseRules.AppendNew(state!.Surveys, recorded);
    }
}
