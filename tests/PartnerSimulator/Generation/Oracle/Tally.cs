namespace Reintegration.PartnerSimulator.Generation;

/// <summary>A breakdown dimension: its name and the key (or keys) an item counts under.</summary>
internal sealed record Dimension<T>(string Name, Func<T, IEnumerable<string>> Keys)
{
    public static Dimension<T> One(string name, Func<T, string> key) => new(name, item => [key(item)]);
}

/// <summary>
/// The four ways the catalogue's indicators count, each with the same breakdown rule: a cell
/// counts the items whose key it is, the same way the whole counts them all (a distinct person
/// once per cell, a share over the cell's own denominator).
/// </summary>
internal static class Tally
{
    public static ExpectedIndicator Count<T>(string code, IEnumerable<T> items, params Dimension<T>[] dimensions)
    {
        var list = items.ToList();
        return new(code, IndicatorKind.Count, ExpectedFigure.Count(list.Count), Breakdown(list, dimensions, cell => ExpectedFigure.Count(cell.Count)));
    }

    /// <summary>Distinct people (or workers): each counted once in the whole and once in each cell they have a key in.</summary>
    public static ExpectedIndicator Distinct<T>(string code, IEnumerable<T> items, Func<T, Guid> person, params Dimension<T>[] dimensions)
    {
        var list = items.ToList();
        return new(code, IndicatorKind.Count, ExpectedFigure.Count(list.Select(person).Distinct().Count()),
            Breakdown(list, dimensions, cell => ExpectedFigure.Count(cell.Select(person).Distinct().Count())));
    }

    /// <summary>A total of amounts; a dimension's key may carry its own part of an item's amount (people reached by group).</summary>
    public static ExpectedIndicator Sum<T>(
        string code, IEnumerable<T> items, Func<T, long> amount, IReadOnlyList<(string Name, Func<T, IEnumerable<(string Key, long Amount)>> Parts)> dimensions)
    {
        var list = items.ToList();
        var breakdown = dimensions.ToDictionary(
            d => d.Name,
            d => (IReadOnlyDictionary<string, ExpectedFigure>)list.SelectMany(d.Parts)
                .GroupBy(p => p.Key, StringComparer.Ordinal)
                .Where(g => g.Sum(p => p.Amount) != 0)
                .ToDictionary(g => g.Key, g => ExpectedFigure.Count(g.Sum(p => p.Amount)), StringComparer.Ordinal));
        return new(code, IndicatorKind.Sum, ExpectedFigure.Count(list.Sum(amount)), breakdown);
    }

    /// <summary>The share of the items (the denominator) for which <paramref name="counts"/> holds (the numerator).</summary>
    public static ExpectedIndicator Share<T>(string code, IEnumerable<T> items, Func<T, bool> counts, params Dimension<T>[] dimensions)
    {
        var list = items.ToList();
        ExpectedFigure Of(IReadOnlyCollection<T> cell) => ExpectedFigure.Share(cell.Count(counts), cell.Count);
        return new(code, IndicatorKind.Share, Of(list), Breakdown(list, dimensions, Of));
    }

    /// <summary>The mean of whole-number values, over the items.</summary>
    public static ExpectedIndicator Mean<T>(string code, IEnumerable<T> items, Func<T, long> value, params Dimension<T>[] dimensions)
    {
        var list = items.ToList();
        ExpectedFigure Of(IReadOnlyCollection<T> cell) => ExpectedFigure.Mean(cell.Sum(value), cell.Count);
        return new(code, IndicatorKind.Mean, Of(list), Breakdown(list, dimensions, Of));
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, ExpectedFigure>> Breakdown<T>(
        List<T> items, Dimension<T>[] dimensions, Func<IReadOnlyCollection<T>, ExpectedFigure> figure) =>
        dimensions.ToDictionary(
            d => d.Name,
            d => (IReadOnlyDictionary<string, ExpectedFigure>)items
                .SelectMany(item => d.Keys(item).Distinct().Select(key => (Key: key, Item: item)))
                .GroupBy(x => x.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => figure(g.Select(x => x.Item).ToList()), StringComparer.Ordinal));
}
