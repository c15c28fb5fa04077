using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;
using Reintegration.ServiceDefaults.Access;
using Reintegration.PartnerSimulator.CloudEvents;
using Xunit;

namespace Reintegration.IntegrationTests.ReportingFacts;

/// <summary>
/// A simulated programme through all four services and RabbitMQ: every one of the 15 indicators'
/// values equals the partner simulator's oracle (computed from its own facts), for no filter, a
/// region with a window, and a region.
/// </summary>
public sealed class OracleAgreementTests : IAsyncLifetime
{
    private TestSystem _system = null!;
    private readonly Programme _programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = 300, Seed = 11 });

    public async Task InitializeAsync() => _system = await TestSystem.CreateAsync();
    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Every_value_agrees_with_the_oracle()
    {
        _ = _system.Reporting.Server;
        var fieldApp = TestTokens.Mint([Scopes.EventsWrite], [PartnerSources.NgoFieldApp], "ngo-field-app");
        var trainingSystem = TestTokens.Mint([Scopes.EventsWrite], [PartnerSources.UnAgencyTraining], "un-agency-training");
        await new PartnerClient(_system.Intake.ClientWith(fieldApp), _system.Counselling.ClientWith(fieldApp), _system.Training.ClientWith(trainingSystem))
            .RunAsync(_programme.Batches(batchSize: 250));
        var from = DateOnly.FromDateTime(_programme.Sessions.Min(s => s.Time).UtcDateTime).AddDays(30);
        var queries = new[] { IndicatorQuery.None, new IndicatorQuery(from, from.AddDays(60), "kita"), new IndicatorQuery(Region: "bamako") };
        // Every indicator, not only the headline ones: each arrives through its own consumer and read model, at its own pace.
        var differences = await Eventually.UntilAsync(() => DifferencesAsync(queries), d => d.Length == 0, "every value of every query", TimeSpan.FromSeconds(180));

        Assert.Equal("", differences);
    }

    /// <summary>Every value that differs from the oracle, one per line; empty when none does.</summary>
    private async Task<string> DifferencesAsync(IEnumerable<IndicatorQuery> queries)
    {
        var differences = new List<string>();
        foreach (var query in queries)
        {
            var actual = await _system.IndicatorsAsync(query.ToQueryString());
            var values = actual["indicators"]!.AsArray().ToDictionary(i => (string)i!["code"]!, i => (decimal?)i!["value"]);
            foreach (var indicator in ExpectedIndicators.For(_programme, query))
                if (values[indicator.Code] != indicator.Value) differences.Add($"{query.ToQueryString()} {indicator.Code}: expected {indicator.Value}, answered {values[indicator.Code]}");
        }

        return string.Join("\n", differences);
    }
}
