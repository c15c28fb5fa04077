using FluentValidation;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Counselling.Assessments;

public sealed class AssessmentRules : AbstractValidator<AssessmentData>
{
    public AssessmentRules()
    {
        RuleFor(x => x.AssessmentId).Required().NotEqual(Guid.Empty).WithMessage("must be a UUID, not the empty UUID");
        RuleFor(x => x.Instrument).Code(Instruments.Codes);
        RuleFor(x => x.AdministeredBy).Text(64).NoControlCharacters();
        RuleFor(x => x.Score).Must(s => s is null || s.Value.ValueKind == System.Text.Json.JsonValueKind.Null)
            .WithMessage("must not be sent: Counselling scores the assessment from its responses");
        RuleFor(x => x.Responses).NotNull().WithMessage("is required").Custom((responses, context) =>
        {
            var data = context.InstanceToValidate;
            if (responses is null || data.Instrument is null || !Instruments.ByCode.TryGetValue(data.Instrument, out var instrument)) return;
            if (responses.Count != instrument.Items)
            {
                context.AddFailure("Responses", $"must hold {instrument.Items} responses for {instrument.Code}, one per item; it holds {responses.Count}");
                return;
            }

            for (var i = 0; i < responses.Count; i++)
                if (responses[i] < instrument.Min || responses[i] > instrument.Max)
                    context.AddFailure($"Responses[{i}]", $"item {i + 1} of {instrument.Code} must be an integer from {instrument.Min} to {instrument.Max}");
        });
    }
}
