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

    public static int Order(string code) => Codes.IndexOf(code) is var i and >= 0 ? i : int.MaxValue;

    private static int IndexOf(this IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
            if (codes[i] == code) return i;
        return -1;
    }
}
