using Microsoft.Extensions.Options;

namespace Reintegration.Reporting.Disclosure;

/// <summary>Section <c>Disclosure</c>: the small-cell threshold of public answers.</summary>
public sealed class DisclosureOptions
{
    public const string Section = "Disclosure";

    /// <summary>Counts from 1 to <c>Threshold − 1</c> are answered as null in public mode.</summary>
    public int Threshold { get; set; } = 5;
}

/// <summary>A threshold below 2 would suppress nothing: the service refuses to start with one rather than publish every cell.</summary>
public sealed class DisclosureOptionsValidator : IValidateOptions<DisclosureOptions>
{
    public ValidateOptionsResult Validate(string? name, DisclosureOptions options) => options.Threshold < 2
        ? ValidateOptionsResult.Fail($"{DisclosureOptions.Section}:Threshold is {options.Threshold}; it must be 2 or more (default 5), or public answers would hide nothing.")
        : ValidateOptionsResult.Success;
}

public static class DisclosureRegistration
{
    public static IServiceCollection AddDisclosureControl(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DisclosureOptions>().Bind(configuration.GetSection(DisclosureOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DisclosureOptions>, DisclosureOptionsValidator>();
        return services;
    }
}
