using System.Globalization;

namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// The oracle: the catalogue's fifteen indicators, every breakdown, computed from a programme's
/// facts with the catalogue's counting rules, for any <c>from</c>/<c>to</c>/<c>region</c> query
/// and with series by month or quarter; what Reporting should answer once everything posted is
/// processed, on services that held nothing before. Where the catalogue is silent, the
/// decisions are in <c>docs/decisions.md</c>, "Simulator's oracle".
/// </summary>
public static class ExpectedIndicators
{
    private static readonly Func<Known, IndicatorQuery, ExpectedIndicator>[] Indicators =
    [
        ReturneeIndicators.Registered, ReturneeIndicators.Reached,
        CounsellingIndicators.Sessions, CounsellingIndicators.GroupSessions, CounsellingIndicators.Assessments,
        CounsellingIndicators.WellbeingImproved, CounsellingIndicators.RiskFlags, CounsellingIndicators.Referrals,
        TrainingIndicators.WorkersTrained, TrainingIndicators.KnowledgeGain, TrainingIndicators.WorkersCertified,
        TrainingIndicators.AwarenessEvents, TrainingIndicators.PeopleReached, TrainingIndicators.Workshops,
        CaseIndicators.Closed,
    ];

    /// <summary>All fifteen indicators for the query, in the catalogue's order.</summary>
    /// <param name="interval">Adds a series: one entry per period of the query's window, which then needs both <c>from</c> and <c>to</c>.</param>
    public static IReadOnlyList<ExpectedIndicator> For(ProgrammeFacts facts, IndicatorQuery? query = null, SeriesInterval? interval = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        query ??= IndicatorQuery.None;
        var known = new Known(facts);
        var periods = interval is { } i ? Periods(query, i) : [];

        return
        [
            .. Indicators.Select(indicator => indicator(known, query) with
            {
                // Each period is the indicator again over that part of the window: a distinct
                // person counts once per period, a share is the period's own.
                Series = [.. periods.Select(p => new ExpectedPeriod(p.Name, indicator(known, query with { From = p.From, To = p.To }).Figure))],
            }),
        ];
    }

    public static IReadOnlyList<ExpectedIndicator> For(Programme programme, IndicatorQuery? query = null, SeriesInterval? interval = null)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return For(programme.Facts, query, interval);
    }

    /// <summary>One indicator by code.</summary>
    public static ExpectedIndicator Of(this IReadOnlyList<ExpectedIndicator> indicators, string code) =>
        indicators.FirstOrDefault(i => i.Code == code) ?? throw new KeyNotFoundException($"No indicator {code}.");

    /// <summary>The five headline values with no filter (what the console and the benchmark watch).</summary>
    public static IReadOnlyDictionary<string, long> Headline(Programme programme)
    {
        var all = For(programme);
        return IndicatorCodes.Headline.ToDictionary(code => code, code => (long)all.Of(code).Value!.Value);
    }

    /// <summary>The periods of the window, each cut to the window: <c>2026-03</c>, or <c>2026-Q1</c>.</summary>
    private static List<(string Name, DateOnly From, DateOnly To)> Periods(IndicatorQuery query, SeriesInterval interval)
    {
        if (query is not { From: { } from, To: { } to })
            throw new ArgumentException("A series needs both from and to: its periods are those of the window.", nameof(query));

        var months = interval == SeriesInterval.Month ? 1 : 3;
        var start = new DateOnly(from.Year, interval == SeriesInterval.Month ? from.Month : (from.Month - 1) / 3 * 3 + 1, 1);
        var periods = new List<(string, DateOnly, DateOnly)>();
        for (var period = start; period <= to; period = period.AddMonths(months))
        {
            var name = interval == SeriesInterval.Month
                ? period.ToString("yyyy-MM", CultureInfo.InvariantCulture)
                : $"{period.Year}-Q{(period.Month - 1) / 3 + 1}";
            var last = period.AddMonths(months).AddDays(-1);
            periods.Add((name, period < from ? from : period, last > to ? to : last));
        }

        return periods;
    }
}
