namespace Reintegration.Benchmarks.Report;

/// <summary>
/// What the stages after the main run (build/bench.sh) add to the report it wrote: a section at
/// the end, as Reporting at scale appends its own, and rows at the end of the summary table, so
/// that a reader of the summary sees their figures with the others.
/// </summary>
public static class ReportFile
{
    private const string SummaryHeading = "## Summary";

    public static async Task AppendAsync(string path, string section, IReadOnlyList<string> summaryRows, CancellationToken cancellationToken)
    {
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";
        await File.WriteAllTextAsync(path, WithSummaryRows(text, summaryRows) + section, cancellationToken);
    }

    /// <summary>The report with the rows after the last row of the table under "## Summary" (unchanged if it has none).</summary>
    public static string WithSummaryRows(string report, IReadOnlyList<string> rows)
    {
        if (rows.Count == 0) return report;
        var lines = report.Split('\n').ToList();
        var heading = lines.FindIndex(l => l.TrimEnd() == SummaryHeading);
        if (heading < 0) return report;
        var first = lines.FindIndex(heading + 1, l => l.StartsWith('|'));
        var next = lines.FindIndex(heading + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        if (first < 0 || (next >= 0 && next < first)) return report;
        var end = first;
        while (end < lines.Count && lines[end].StartsWith('|')) end++;
        lines.InsertRange(end, rows);
        return string.Join('\n', lines);
    }
}
