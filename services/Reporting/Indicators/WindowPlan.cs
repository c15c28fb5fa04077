using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Indicators;

/// <summary>A run of periods of one grain, by their first days, inclusive; null bounds are open.</summary>
public sealed record CellRange(Grain Grain, DateOnly? From, DateOnly? To);

/// <summary>
/// Which kept cells answer a window (dates inclusive). Pure. An additive figure over any window
/// is the sum of the fewest cells covering it exactly: whole quarters, then whole months, then
/// days at the edges, at most a few ranges whatever the window's length. A distinct count has
/// a cell only for all time, a calendar month or a calendar quarter.
/// </summary>
public static class WindowPlan
{
    public static IReadOnlyList<CellRange> Additive(DateOnly? from, DateOnly? to) =>
        from is null && to is null ? [new CellRange(Grain.All, null, null)] : Cover(from, to, Grain.Quarter);

    /// <summary>The one cell of a distinct count over the window, or null when it has none and must be counted exactly.</summary>
    public static CellRange? Distinct(DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null) return new CellRange(Grain.All, null, null);
        if (from is not { } f || to is not { } t) return null;
        foreach (var grain in (Grain[])[Grain.Month, Grain.Quarter])
            if (grain.StartOf(f) == f && grain.EndOf(f) == t) return new CellRange(grain, f, f);
        return null;
    }

    private static List<CellRange> Cover(DateOnly? from, DateOnly? to, Grain grain)
    {
        if (from > to) return [];
        if (grain == Grain.Day) return [new CellRange(Grain.Day, from, to)];
        var finer = grain == Grain.Quarter ? Grain.Month : Grain.Day;

        // The first whole period on or after from, and the last whole period on or before to.
        DateOnly? first = from is { } f ? (grain.StartOf(f) == f ? f : grain.EndOf(grain.StartOf(f)).AddDays(1)) : null;
        DateOnly? last = to is { } t ? (grain.EndOf(grain.StartOf(t)) == t ? grain.StartOf(t) : Previous(grain, grain.StartOf(t))) : null;
        if (first > last) return Cover(from, to, finer);

        var ranges = new List<CellRange> { new(grain, first, last) };
        if (from is { } start && start < first) ranges.AddRange(Cover(start, first!.Value.AddDays(-1), finer));
        if (to is { } end && last is { } l && grain.EndOf(l) < end) ranges.AddRange(Cover(grain.EndOf(l).AddDays(1), end, finer));
        return ranges;
    }

    private static DateOnly Previous(Grain grain, DateOnly start) => start.AddMonths(grain == Grain.Quarter ? -3 : -1);
}
