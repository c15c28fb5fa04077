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

    private static readonly Grain[] DistinctGrains = [Grain.Month, Grain.Quarter, Grain.All];

    /// <summary>
    /// Additive figures at the day only: each also counts in its month, quarter and all time
    /// (<see cref="CellSums.Expand"/>), and since that is a sum it is taken once, over a page or
    /// a whole rebuild, instead of four times per thing counted.
    /// </summary>
    public Dictionary<CellKey, CellValue> Daily { get; } = new();

    /// <summary>Figures kept in exactly the cells named: distinct people per period, a share the slice judges per period.</summary>
    public Dictionary<CellKey, CellValue> Held { get; } = new();

    /// <summary>Every cell the state adds to, at every grain: <see cref="Daily"/> expanded, and <see cref="Held"/> (computed anew on each call).</summary>
    public Dictionary<CellKey, CellValue> Cells => CellSums.Expand(Daily, Held);

    public Dictionary<HitKey, SortedSet<string>> Hits { get; } = new();

    public Dictionary<RowKey, string> Rows { get; } = new();

    /// <summary>Empties it for the next state (the dictionaries keep their room).</summary>
    public void Clear()
    {
        Daily.Clear();
        Held.Clear();
        Hits.Clear();
        Rows.Clear();
    }

    /// <summary>One thing counted (or summed, <paramref name="n"/>; over <paramref name="d"/> for a mean) on a day, in a region, under these keys.</summary>
    public void Add(string indicator, DateOnly day, string region, decimal n, long d, params (string Dimension, string Key)[] keys)
    {
        Put(Daily, indicator, Grain.Day, day, region, keys, new CellValue(n, d));
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
            Put(Held, indicator, grain, grain.StartOf(day), region, keys, new CellValue(1, 0), replace: true);

        var hit = new HitKey(indicator, person, day, region);
        if (!Hits.TryGetValue(hit, out var known)) Hits[hit] = known = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (dimension, key) in keys) known.Add(HitKeys.Format(dimension, key));
    }

    /// <summary>Adds to one period's cells directly: for figures the slice judges per period itself (a share over people).</summary>
    public void Period(string indicator, Grain grain, DateOnly period, string region, decimal n, long d, params (string Dimension, string Key)[] keys)
    {
        Put(Held, indicator, grain, period, region, keys, new CellValue(n, d));
    }

    /// <summary>Adds to one key's cells only, not to the total: for a sum whose keys split it (people reached by group).</summary>
    public void AddToKey(string indicator, DateOnly day, string region, string dimension, string key, decimal n)
    {
        if (region != UnknownRegion) CellSums.Add(Daily, new CellKey(indicator, Grain.Day, day, region, dimension, key), new CellValue(n, 0));
        CellSums.Add(Daily, new CellKey(indicator, Grain.Day, day, AllRegions, dimension, key), new CellValue(n, 0));
    }

    /// <summary>A BI row of <paramref name="fact"/>: its columns, snake_case, as the view names them.</summary>
    public void Row(string fact, string key, IReadOnlyDictionary<string, object?> columns) =>
        Rows[new RowKey(fact, key)] = RowJson.Serialize(columns);

    // The cells of one thing counted: its total and each key's, in its region (unless not known
    // yet, UnknownRegion) and in every region's. Written out rather than enumerated: a rebuild
    // calls this hundreds of millions of times, and would allocate an iterator and a regions
    // array each time.
    private static void Put(Dictionary<CellKey, CellValue> cells, string indicator, Grain grain, DateOnly period, string region, (string Dimension, string Key)[] keys, CellValue value, bool replace = false)
    {
        if (region != UnknownRegion) PutIn(cells, indicator, grain, period, region, keys, value, replace);
        PutIn(cells, indicator, grain, period, AllRegions, keys, value, replace);
    }

    private static void PutIn(Dictionary<CellKey, CellValue> cells, string indicator, Grain grain, DateOnly period, string region, (string Dimension, string Key)[] keys, CellValue value, bool replace)
    {
        Put(cells, new CellKey(indicator, grain, period, region, "", ""), value, replace);
        foreach (var (dimension, key) in keys) Put(cells, new CellKey(indicator, grain, period, region, dimension, key), value, replace);
    }

    private static void Put(Dictionary<CellKey, CellValue> cells, CellKey cell, CellValue value, bool replace)
    {
        if (replace) cells[cell] = value;
        else CellSums.Add(cells, cell, value);
    }
}

/// <summary>How a hit's keys are written: <c>dimension=key</c> (codes never hold <c>=</c>).</summary>
public static class HitKeys
{
    public static string Format(string dimension, string key) => $"{dimension}={key}";
}
