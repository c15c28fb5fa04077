using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Disclosure;
using Reintegration.Reporting.Indicators;
using Reintegration.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting;

public static class Indicators
{
    public static readonly IReadOnlyDictionary<string, decimal> NoTargets = new Dictionary<string, decimal>();

    public static IReadOnlyList<Indicator> Calculate(
        IReadOnlyCollection<ReturneeJourney> journeys,
        IReadOnlyCollection<AwarenessEventFact>? awarenessEvents = null,
        IndicatorFilter? filter = null,
        IReadOnlyDictionary<string, decimal>? targets = null) =>
        IndicatorCalculator.Calculate(journeys, awarenessEvents ?? [], filter ?? IndicatorFilter.Everything, targets ?? NoTargets)
            .Select(DisclosureControl.Detail).ToList();

    public static Indicator Named(this IReadOnlyList<Indicator> indicators, string code) =>
        Assert.Single(indicators, i => i.Code == code);

    /// <summary>Asserts one dimension of the breakdown; keys with value 0 may be left out, as the catalogue allows.</summary>
    public static void AssertBreakdown(this Indicator indicator, string dimension, params (string Key, decimal? Value)[] expected)
    {
        Assert.True(indicator.Breakdown.TryGetValue(dimension, out var actual), $"{indicator.Code} has no '{dimension}' breakdown");
        Assert.Equal(
            expected.Where(e => e.Value != 0).OrderBy(e => e.Key, StringComparer.Ordinal).ToList(),
            actual.Where(a => a.Value != 0).OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, a.Value)).ToList());
    }
}
