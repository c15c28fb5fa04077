namespace Reintegration.Reporting.Indicators;

/// <summary>Tallies items along the catalogue's dimensions; keys with no items are left out.</summary>
public static class Breakdown
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Figure>> Count<T>(
        IReadOnlyCollection<T> items, params (string Dimension, Func<T, string> Key)[] dimensions) =>
        Sum(items, _ => 1m, dimensions);

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Figure>> Sum<T>(
        IReadOnlyCollection<T> items, Func<T, decimal> value, params (string Dimension, Func<T, string> Key)[] dimensions) =>
        dimensions.ToDictionary(
            d => d.Dimension,
            d => (IReadOnlyDictionary<string, Figure>)items
                .GroupBy(d.Key, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new Figure(g.Sum(value))));
}
