using Microsoft.Extensions.Options;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Xunit;

namespace Reintegration.IntegrationTests.Exports;

/// <summary>A threshold that would hide nothing stops Reporting at start, before it answers anyone.</summary>
public sealed class ThresholdAtStartTests
{
    [Fact]
    public async Task Reporting_refuses_to_start_with_a_threshold_below_two()
    {
        await using var system = await TestSystem.CreateAsync(new Dictionary<string, string> { ["Disclosure:Threshold"] = "1" });

        var refused = Assert.ThrowsAny<Exception>(() => system.Reporting);

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(refused));
        Assert.Contains("Disclosure:Threshold", validation.Message);
    }

    private static Exception Unwrap(Exception e) => e is OptionsValidationException || e.InnerException is null ? e : Unwrap(e.InnerException);
}
