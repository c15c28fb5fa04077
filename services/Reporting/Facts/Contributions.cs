using System.Text.Json;

namespace Reintegration.Reporting.Facts;

/// <summary>
/// Everything one state (a returnee, a worker, an activity) contributes to a read model: the
/// cells it adds to, the hits of distinct-person indicators and its BI rows. Pure and rebuilt
/// whole from the state each time, so that a late registration or a newer screening moves the
/// person's counts: the projection writes the difference from what the state contributed before.
/// </summary>
public sealed class Contributions
{
    /// <summary>The region of a cell that counts every region: distinct people are not a sum over regions.</summary>
    public const string AllRegions = "*";

    /// <summary>A region Reporting has not learned yet (a certificate before its training): counted in the total, in no region.</summary>
    public const string UnknownRegion = "";

    private static readonly Grain[] AdditiveGrains = [Grain.Day, Grain.Month, Grain.Quarter, Grain.All];
    private static readonly Grain[] DistinctGrains = [Grain.Month, Grain.Quarter, Grain.All];

    public Dictionary<CellKey, CellValue> Cells { get; } = new();

    public Dictionary<HitKey, SortedSet<string>> Hits { get; } = new();

    public Dictionary<RowKey, string> Rows { get; } = new();

    /// <summary>One thing counted (or summed, <paramref name="n"/>; over <paramref name="d"/> for a mean) on a day, in a region, under these keys.</summary>
    public void Add(string indicator, DateOnly day, string region, decimal n, long d, params (string Dimension, string Key)[] keys)
    {
        foreach (var grain in AdditiveGrains)
            Period(indicator, grain, grain.StartOf(day), region, n, d, keys);
    }

    public void Count(string indicator, DateOnly day, string region, params (string Dimension, string Key)[] keys) =>
        Add(indicator, day, region, 1, 0, keys);

    /// <summary>
    /// A person present on a day, in a region, under these keys: counted once per month, quarter
    /// and all time (in each key, in the region and in every region), however often present.
    /// </summary>
    public void Person(string indicator, Guid person, DateOnly day, string region, params (string Dimension, string Key)[] keys)
    {
        foreach (var grain in DistinctGrains)
            foreach (var cell in CellsOf(indicator, grain, grain.StartOf(day), region, keys))
                Cells[cell] = new CellValue(1, 0);

        var hit = new HitKey(indicator, person, day, region);
        if (!Hits.TryGetValue(hit, out var known)) Hits[hit] = known = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (dimension, key) in keys) known.Add(HitKeys.Format(dimension, key));
    }

    /// <summary>Adds to one period's cells directly: for figures the slice judges per period itself (a share over people).</summary>
    public void Period(string indicator, Grain grain, DateOnly period, string region, decimal n, long d, params (string Dimension, string Key)[] keys)
    {
        var value = new CellValue(n, d);
        foreach (var cell in CellsOf(indicator, grain, period, region, keys))
            Cells[cell] = Cells.TryGetValue(cell, out var known) ? known + value : value;
    }

    /// <summary>Adds to one key's cells only, not to the total: for a sum whose keys split it (people reached by group).</summary>
    public void AddToKey(string indicator, DateOnly day, string region, string dimension, string key, decimal n)
    {
        foreach (var grain in AdditiveGrains)
            foreach (var r in Regions(region))
            {
                var cell = new CellKey(indicator, grain, grain.StartOf(day), r, dimension, key);
                Cells[cell] = Cells.TryGetValue(cell, out var known) ? known + new CellValue(n, 0) : new CellValue(n, 0);
            }
    }

    /// <summary>A BI row of <paramref name="fact"/>: its columns, snake_case, as the view names them.</summary>
    public void Row(string fact, string key, IReadOnlyDictionary<string, object?> columns) =>
        Rows[new RowKey(fact, key)] = JsonSerializer.Serialize(columns);

    /// <summary>The region's cells and every region's; a region not known yet (<see cref="UnknownRegion"/>) counts in every region's only.</summary>
    private static string[] Regions(string region) => region == UnknownRegion ? [AllRegions] : [region, AllRegions];

    private static IEnumerable<CellKey> CellsOf(string indicator, Grain grain, DateOnly period, string region, (string Dimension, string Key)[] keys)
    {
        foreach (var r in Regions(region))
        {
            yield return new CellKey(indicator, grain, period, r, "", "");
            foreach (var (dimension, key) in keys) yield return new CellKey(indicator, grain, period, r, dimension, key);
        }
    }
}

/// <summary>How a hit's keys are written: <c>dimension=key</c> (codes never hold <c>=</c>).</summary>
public static class HitKeys
{
    public static string Format(string dimension, string key) => $"{dimension}={key}";
}
