using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Indicators;

/// <summary>One period of a series and the part of the window in it.</summary>
public sealed record SeriesPeriod(string Label, DateOnly PeriodStart, DateOnly From, DateOnly To)
{
    /// <summary>True when the window holds the whole period.</summary>
    public bool IsWhole(Grain interval) => From == PeriodStart && To == interval.EndOf(PeriodStart);
}

/// <summary>
/// The periods of a series over a window, pure: every month or quarter the window touches, the
/// first and last cut to the window (counted as the indicator counts, over the part inside).
/// </summary>
public static class SeriesPlan
{
    public static IReadOnlyList<SeriesPeriod> Periods(Grain interval, DateOnly from, DateOnly to)
    {
        var periods = new List<SeriesPeriod>();
        for (var start = interval.StartOf(from); start <= to; start = interval.EndOf(start).AddDays(1))
        {
            var end = interval.EndOf(start);
            periods.Add(new SeriesPeriod(interval.Label(start), start, start < from ? from : start, end > to ? to : end));
        }

        return periods;
    }
}
