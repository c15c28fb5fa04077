using FluentValidation;

namespace Reintegration.ServiceDefaults.Reference;

/// <summary>The catalogue's recurring rules, worded for a partner integrator.</summary>
public static class RuleExtensions
{
    public static IRuleBuilderOptions<T, string?> Code<T>(this IRuleBuilder<T, string?> rule, IReadOnlySet<string> codes) =>
        rule.NotNull().WithMessage("is required")
            .Must(v => v is null || codes.Contains(v))
            .WithMessage($"must be one of: {string.Join(", ", codes.Order(StringComparer.Ordinal))}");

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int max, int min = 1) =>
        rule.NotNull().WithMessage("is required")
            .Must(v => v is null || (v.Trim().Length >= min && v.Length <= max))
            .WithMessage($"must be {min} to {max} characters");

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(v => v is null || (v.Trim().Length >= 1 && v.Length <= max))
            .WithMessage($"must be 1 to {max} characters when present");

    public static IRuleBuilderOptions<T, TValue?> Required<T, TValue>(this IRuleBuilder<T, TValue?> rule) where TValue : struct =>
        rule.NotNull().WithMessage("is required");

    public static IRuleBuilderOptions<T, int?> Between<T>(this IRuleBuilder<T, int?> rule, int min, int max) =>
        rule.NotNull().WithMessage("is required")
            .InclusiveBetween(min, max).WithMessage($"must be an integer from {min} to {max}");
}
