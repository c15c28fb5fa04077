using System.Globalization;
using System.Text;
using Reintegration.Benchmarks.Report;

namespace Reintegration.Benchmarks.Faults;

/// <summary>
/// The fault drill's time from a fault's end to exact figures, appended to the report (issue 10,
/// "Measured"). build/bench.sh runs the drill itself, as build/test.sh --fault-only does; this
/// only reads the table the drill wrote (time-to-exact.md, after every scenario, so a failed run
/// still shows the scenarios before the failure) and says how each figure is measured.
/// </summary>
public static class FaultDrillSection
{
    // Columns of the drill's table (TimeToExactReport): fault, ..., fault's end to exact figures (s).
    private const int FaultColumn = 0;
    private const int FaultEndToExactColumn = 5;

    /// <returns>0: the section was appended (whatever the drill's outcome, which build/bench.sh judges).</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new FormatException($"{name} is required");
        var table = Arg("--table");
        var output = Arg("--output");
        var exit = int.Parse(Arg("--exit"), CultureInfo.InvariantCulture);
        var results = Arg("--results");
        var log = args.SkipWhile(a => a != "--log").Skip(1).FirstOrDefault();

        var drill = File.Exists(table) ? (await File.ReadAllTextAsync(table, cancellationToken)).TrimEnd() : null;
        var faults = drill is null ? [] : Rows(drill);
        var md = new StringBuilder();
        md.AppendLine().AppendLine("## Time from a fault's end to exact figures (issue 10)").AppendLine();
        md.AppendLine("The fault drill (`tests/Reintegration.IntegrationTests/Fault/Drill`, the tests that write `time-to-exact.md`), run by build/bench.sh exactly as " +
                      "`build/test.sh --fault-only` runs it: on a PostgreSQL and a RabbitMQ node of its own (`build/lib/fault-infra.sh`, started fresh and removed afterwards, " +
                      "never the run's shared ones), with the four services' Release builds as processes supervised like containers with a restart policy. Each scenario posts a " +
                      "new programme through the partner simulator and, during that load, brings about its fault:").AppendLine();
        md.AppendLine("- **kill -9 of a service** (Intake mid-batch, with two of its answers also dropped after it stored their batches; Counselling and Reporting mid-drain): " +
                      "the fault ends when the killed service, started again, answers `/health/ready`;");
        md.AppendLine("- **PostgreSQL restarted**: stopped (fast shutdown, every connection dropped), left down, started; the fault ends when it accepts logins again;");
        md.AppendLine("- **RabbitMQ stopped**: the broker application stopped for the outage, then started; the fault ends when it listens again (AMQP and management);");
        md.AppendLine("- **two replicas of every service**: a second replica of each started under the load, the posts alternating between the replicas that answer; the \"fault\" " +
                      "ends when all four second replicas answer `/health/ready`.");
        md.AppendLine().AppendLine("A post whose answer is lost (no answer, or 503) is sent again, as a partner would. **Exact figures**: the first moment from which, polled every " +
                      "500 ms and for at least 2 s without a break, every replica's `/health/detail` is 200 (no stalled daemon, bus connected, no dead letter) and all 15 indicators " +
                      "of `GET /indicators` equal the simulator's oracle over every programme posted so far; Reporting's log is then checked to hold each reported fact exactly once. " +
                      "The load goes on after the fault ends, so \"fault's end to exact figures\" includes posting and draining the rest of the programme; \"last post to exact figures\" " +
                      "is what remains after the last answer.").AppendLine();
        if (log is not null && File.Exists(log) &&
            System.Text.RegularExpressions.Regex.Match(await File.ReadAllTextAsync(log, cancellationToken), @"Failed:\s*(\d+), Passed:\s*(\d+), Skipped:\s*(\d+)") is { Success: true } tally)
            md.AppendLine($"The drill's tests (`dotnet test`): {tally.Groups[2].Value} passed, {tally.Groups[1].Value} failed, {tally.Groups[3].Value} skipped.").AppendLine();
        if (drill is not null) md.AppendLine(drill).AppendLine();
        else md.AppendLine("The drill wrote no table.").AppendLine();
        if (exit != 0)
            md.AppendLine($"**The fault drill failed** (exit {exit}): {(faults.Count > 0 ? "the table shows the scenarios that passed before the failure; " : "")}" +
                          $"its log, the services' logs and the test results are in `{results}`.").AppendLine();

        var rows = new List<string>();
        if (faults.Count > 0)
        {
            var slowest = faults.MaxBy(f => f.Seconds);
            rows.Add($"| Fault drill: a fault's end to exact figures, {faults.Count} faults under load (see *Time from a fault's end*) | " +
                     $"{faults.Min(f => f.Seconds):0.0}–{faults.Max(f => f.Seconds):0.0} s | — | — | (no target) | {(exit == 0 ? "" : "**drill failed**")} |");
            rows.Add($"| … the slowest: {slowest.Fault} | {slowest.Seconds:0.0} s | — | — | | |");
        }
        else
        {
            rows.Add($"| Fault drill: a fault's end to exact figures | {(exit == 0 ? "no scenario" : "failed")} | — | — | (no target) | {(exit == 0 ? "" : "**drill failed**")} |");
        }

        await ReportFile.AppendAsync(output, md.ToString(), rows, cancellationToken);
        Console.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} fault drill section appended to {output}");
        return 0;
    }

    private static List<(string Fault, double Seconds)> Rows(string table)
    {
        var rows = new List<(string, double)>();
        foreach (var line in table.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|')))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length > FaultEndToExactColumn &&
                double.TryParse(cells[FaultEndToExactColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                rows.Add((cells[FaultColumn], seconds));
        }

        return rows;
    }
}
