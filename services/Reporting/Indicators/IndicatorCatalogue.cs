namespace Reintegration.Reporting.Indicators;

/// <summary>The catalogue's indicators in the order of its table, the order they are answered in.</summary>
public static class IndicatorCatalogue
{
    public static readonly IReadOnlyList<string> Codes =
    [
        "returnees-registered", "returnees-reached", "counselling-sessions", "group-sessions", "assessments", "wellbeing-improved",
        "risk-flags", "referrals", "workers-trained", "knowledge-gain", "workers-certified", "awareness-events", "people-reached",
        "workshops", "cases-closed",
    ];

    private static readonly Dictionary<string, int> Positions = Codes.Select((code, i) => (code, i)).ToDictionary(c => c.code, c => c.i);

    public static int Order(string code) => Positions.GetValueOrDefault(code, int.MaxValue);
}
