using System.Runtime.InteropServices;

namespace Reintegration.Reporting.Facts;

/// <summary>Sums of cells, and the expansion of additive day cells into every grain they count in.</summary>
public static class CellSums
{
    private static readonly Grain[] CoarserThanDay = [Grain.Month, Grain.Quarter, Grain.All];

    /// <summary>Adds <paramref name="value"/> to the cell (one lookup: a rebuild does this hundreds of millions of times).</summary>
    public static void Add(Dictionary<CellKey, CellValue> sums, CellKey cell, CellValue value)
    {
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, cell, out _);
        sum += value;
    }

    /// <summary>Adds every cell of <paramref name="cells"/> to <paramref name="sums"/>.</summary>
    public static void AddAll(Dictionary<CellKey, CellValue> sums, IReadOnlyDictionary<CellKey, CellValue> cells)
    {
        foreach (var (cell, value) in cells) Add(sums, cell, value);
    }

    /// <summary>
    /// Every cell at every grain: each day cell of <paramref name="daily"/> also in its month,
    /// quarter and all time, plus <paramref name="held"/> as it is; cells that sum to zero are left out.
    /// </summary>
    public static Dictionary<CellKey, CellValue> Expand(IReadOnlyDictionary<CellKey, CellValue> daily, IReadOnlyDictionary<CellKey, CellValue> held)
    {
        var cells = new Dictionary<CellKey, CellValue>(daily.Count * 2 + held.Count);
        foreach (var (cell, value) in daily)
        {
            Add(cells, cell, value);
            foreach (var grain in CoarserThanDay) Add(cells, cell with { Grain = grain, Period = grain.StartOf(cell.Period) }, value);
        }

        AddAll(cells, held);
        foreach (var (cell, value) in cells)
            if (value.IsZero) cells.Remove(cell);
        return cells;
    }
}
