namespace Reintegration.Counselling.Assessments;

/// <summary>An instrument of the catalogue's table: its items, their range, how it scores and bands.</summary>
public sealed record Instrument(string Code, int Items, int Min, int Max, Func<IReadOnlyList<int>, int> Scoring, IReadOnlyList<(int From, string Band)> Bands)
{
    /// <summary>The score of valid responses and its band (the last band whose lower bound the score reaches).</summary>
    public (int Score, string Band) Score(IReadOnlyList<int> responses)
    {
        var score = Scoring(responses);
        return (score, Bands.Last(b => score >= b.From).Band);
    }
}

/// <summary>
/// The catalogue's scoring table, exactly: WHO-5 raw sum × 4 (0–100, poor below 52); PHQ-9 sum
/// (0–27); GAD-7 sum (0–21); K10 sum of ten items scored 1–5 (10–50). A PHQ-9 whose item 9
/// (thoughts of self-harm) is above 0 raises a risk flag.
/// </summary>
public static class Instruments
{
    public static readonly Instrument Who5 = new("who-5", 5, 0, 5, r => r.Sum() * 4, [(0, "poor"), (52, "adequate")]);
    public static readonly Instrument Phq9 = new("phq-9", 9, 0, 3, r => r.Sum(), [(0, "minimal"), (5, "mild"), (10, "moderate"), (15, "moderately-severe"), (20, "severe")]);
    public static readonly Instrument Gad7 = new("gad-7", 7, 0, 3, r => r.Sum(), [(0, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe")]);
    public static readonly Instrument K10 = new("k10", 10, 1, 5, r => r.Sum(), [(10, "low"), (16, "moderate"), (22, "high"), (30, "very-high")]);

    public static readonly IReadOnlyDictionary<string, Instrument> ByCode =
        new[] { Who5, Phq9, Gad7, K10 }.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Codes = ByCode.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>PHQ-9 item 9 (the ninth response) above 0.</summary>
    public static bool RaisesRiskFlag(string instrument, IReadOnlyList<int> responses) => instrument == Phq9.Code && responses.Count == 9 && responses[8] > 0;
}
