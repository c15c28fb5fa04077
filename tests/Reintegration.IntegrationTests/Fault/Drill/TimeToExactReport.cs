using System.Globalization;
using System.Text;

namespace Reintegration.IntegrationTests.Fault.Drill;

/// <summary>
/// The drill's measurement, per fault: the time from the fault's end to exact figures, written
/// (after every scenario, so a later failure loses nothing) to <c>TestResults/faults/time-to-exact.md</c>
/// as a table for docs/benchmarks.md.
/// </summary>
public static class TimeToExactReport
{
    public static string Path => System.IO.Path.Combine(DrillEnvironment.Results, "time-to-exact.md");

    public static async Task WriteAsync(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Fault drill, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {DrillEnvironment.Returnees} returnees per scenario, batches of 50, 2 in flight per service; PostgreSQL down {DrillEnvironment.PostgresDown.TotalSeconds:0} s, broker down {DrillEnvironment.BrokerOutage.TotalSeconds:0} s.");
        text.AppendLine();
        text.AppendLine("| fault | events posted | posts whose answer was lost | their events, sent again: accepted / duplicate (of which stored before the answer was dropped) | fault lasted (s) | fault's end to exact figures (s) | last post to exact figures (s) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Events:N0} | {r.AnswersLost} | {r.ResentAccepted} / {r.ResentDuplicate} ({r.DroppedAfterCommit}) | {r.FaultSeconds:0.0} | {r.FaultEndToExact:0.0} | {r.LastPostToExact:0.0} |");
        await File.WriteAllTextAsync(Path, text.ToString());
    }
}
