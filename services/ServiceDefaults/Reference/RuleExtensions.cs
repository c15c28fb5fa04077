using FluentValidation;

namespace Reintegration.ServiceDefaults.Reference;

/// <summary>The catalogue's recurring rules, worded for a partner integrator.</summary>
public static class RuleExtensions
{
    public const string NulMessage = "must not hold the character U+0000 (NUL)";
    public const string ControlCharacterMessage = "must not hold control characters (line breaks, tabs, U+0000 and the like)";

    public static IRuleBuilderOptions<T, string?> Code<T>(this IRuleBuilder<T, string?> rule, IReadOnlySet<string> codes) =>
        rule.NotNull().WithMessage("is required")
            .Must(v => v is null || codes.Contains(v))
            .WithMessage($"must be one of: {string.Join(", ", codes.Order(StringComparer.Ordinal))}");

    /// <summary>Required text of <paramref name="min"/> to <paramref name="max"/> characters, never holding U+0000 (no text does).</summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int max, int min = 1) =>
        rule.NotNull().WithMessage("is required")
            .Must(v => v is null || (v.Trim().Length >= min && v.Length <= max))
            .WithMessage($"must be {min} to {max} characters")
            .NoNul();

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(v => v is null || (v.Trim().Length >= 1 && v.Length <= max))
            .WithMessage($"must be 1 to {max} characters when present")
            .NoNul();

    /// <summary>The catalogue: no text holds U+0000 (PostgreSQL cannot store it, and no partner means it).</summary>
    public static IRuleBuilderOptions<T, string?> NoNul<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || !v.Contains('\0')).WithMessage(NulMessage);

    /// <summary>
    /// The catalogue: names, codes, ids, references and phone numbers hold no control characters
    /// (Unicode category Cc: U+0000–U+001F and U+007F–U+009F), so a phone number ending in a line
    /// break or a name with a tab in it is refused rather than stored as something else.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || !HasControlCharacter(v)).WithMessage(ControlCharacterMessage);

    public static bool HasControlCharacter(string value) => value.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0
        || value.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') >= 0;

    public static IRuleBuilderOptions<T, TValue?> Required<T, TValue>(this IRuleBuilder<T, TValue?> rule) where TValue : struct =>
        rule.NotNull().WithMessage("is required");

    public static IRuleBuilderOptions<T, int?> Between<T>(this IRuleBuilder<T, int?> rule, int min, int max) =>
        rule.NotNull().WithMessage("is required")
            .InclusiveBetween(min, max).WithMessage($"must be an integer from {min} to {max}");
}
