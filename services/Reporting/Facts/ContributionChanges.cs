namespace Reintegration.Reporting.Facts;

/// <summary>
/// What a page of events changes in a read model: cells by how much, hits and rows to write or
/// remove. Accumulated over every state the page touched, so each cell is written once a page.
/// </summary>
public sealed class ContributionChanges
{
    /// <summary>Changes in additive day cells (<see cref="Contributions.Daily"/>): each also moves its month, quarter and all time.</summary>
    public Dictionary<CellKey, CellValue> DailyDeltas { get; } = new();

    /// <summary>Changes in cells kept as they are (<see cref="Contributions.Held"/>).</summary>
    public Dictionary<CellKey, CellValue> HeldDeltas { get; } = new();

    /// <summary>Every cell that moves, at every grain, by how much (computed anew on each call).</summary>
    public Dictionary<CellKey, CellValue> CellDeltas => CellSums.Expand(DailyDeltas, HeldDeltas);

    public Dictionary<HitKey, string[]> HitsToWrite { get; } = new();

    public HashSet<HitKey> HitsToRemove { get; } = new();

    public Dictionary<RowKey, string> RowsToWrite { get; } = new();

    public HashSet<RowKey> RowsToRemove { get; } = new();

    public bool IsEmpty => DailyDeltas.Count == 0 && HeldDeltas.Count == 0 && HitsToWrite.Count == 0 && HitsToRemove.Count == 0 && RowsToWrite.Count == 0 && RowsToRemove.Count == 0;

    /// <summary>Pure: records what changed from <paramref name="before"/> to <paramref name="after"/> (both of the same state).</summary>
    public void Record(Contributions before, Contributions after)
    {
        RecordCells(DailyDeltas, before.Daily, after.Daily);
        RecordCells(HeldDeltas, before.Held, after.Held);

        foreach (var (hit, keys) in after.Hits)
            if (!before.Hits.TryGetValue(hit, out var old) || !old.SetEquals(keys))
            {
                HitsToWrite[hit] = [.. keys];
                HitsToRemove.Remove(hit);
            }
        foreach (var hit in before.Hits.Keys)
            if (!after.Hits.ContainsKey(hit)) HitsToRemove.Add(hit);

        foreach (var (row, body) in after.Rows)
            if (!before.Rows.TryGetValue(row, out var old) || old != body)
            {
                RowsToWrite[row] = body;
                RowsToRemove.Remove(row);
            }
        foreach (var row in before.Rows.Keys)
            if (!after.Rows.ContainsKey(row)) RowsToRemove.Add(row);
    }

    private static void RecordCells(Dictionary<CellKey, CellValue> deltas, Dictionary<CellKey, CellValue> before, Dictionary<CellKey, CellValue> after)
    {
        foreach (var (cell, value) in after)
            AddDelta(deltas, cell, before.TryGetValue(cell, out var old) ? value - old : value);
        foreach (var (cell, old) in before)
            if (!after.ContainsKey(cell)) AddDelta(deltas, cell, new CellValue(0, 0) - old);
    }

    private static void AddDelta(Dictionary<CellKey, CellValue> deltas, CellKey cell, CellValue delta)
    {
        if (delta.IsZero) return;
        var sum = deltas.TryGetValue(cell, out var known) ? known + delta : delta;
        if (sum.IsZero) deltas.Remove(cell);
        else deltas[cell] = sum;
    }
}
