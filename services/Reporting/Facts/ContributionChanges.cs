namespace Reintegration.Reporting.Facts;

/// <summary>
/// What a page of events changes in a read model: cells by how much, hits and rows to write or
/// remove. Accumulated over every state the page touched, so each cell is written once a page.
/// </summary>
public sealed class ContributionChanges
{
    public Dictionary<CellKey, CellValue> CellDeltas { get; } = new();

    public Dictionary<HitKey, string[]> HitsToWrite { get; } = new();

    public HashSet<HitKey> HitsToRemove { get; } = new();

    public Dictionary<RowKey, string> RowsToWrite { get; } = new();

    public HashSet<RowKey> RowsToRemove { get; } = new();

    public bool IsEmpty => CellDeltas.Count == 0 && HitsToWrite.Count == 0 && HitsToRemove.Count == 0 && RowsToWrite.Count == 0 && RowsToRemove.Count == 0;

    /// <summary>Pure: records what changed from <paramref name="before"/> to <paramref name="after"/> (both of the same state).</summary>
    public void Record(Contributions before, Contributions after)
    {
        foreach (var (cell, value) in after.Cells)
            AddDelta(cell, before.Cells.TryGetValue(cell, out var old) ? value - old : value);
        foreach (var (cell, old) in before.Cells)
            if (!after.Cells.ContainsKey(cell)) AddDelta(cell, new CellValue(0, 0) - old);

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

    private void AddDelta(CellKey cell, CellValue delta)
    {
        if (delta.IsZero) return;
        var sum = CellDeltas.TryGetValue(cell, out var known) ? known + delta : delta;
        if (sum.IsZero) CellDeltas.Remove(cell);
        else CellDeltas[cell] = sum;
    }
}
