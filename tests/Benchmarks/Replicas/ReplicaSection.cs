using System.Globalization;
using System.Text;
using Reintegration.Benchmarks.Report;

namespace Reintegration.Benchmarks.Replicas;

/// <summary>The report's section on two replicas against one, and its rows for the summary table.</summary>
public static class ReplicaSection
{
    private static readonly string[] Services = ["Intake", "Counselling", "Training", "Reporting"];

    public static (string Section, IReadOnlyList<string> SummaryRows) Write(ReplicaComparison.Measurement? one, ReplicaComparison.Measurement two)
    {
        var md = new StringBuilder();
        md.AppendLine().AppendLine("## Two replicas of each service against one (issue 10)").AppendLine();
        md.AppendLine("In the same run, on the same database and vhost, after the phases above (and before Reporting at scale): first the backend was left to settle " +
                      "(every service's projections, subscriptions and high-water mark at its last committed event, no message in the run's queues, the figures unchanged for 6 s), " +
                      $"a small programme ({ReplicaComparison.WarmUpReturnees} returnees) was posted through each replica alone and drained exactly (a replica's first requests pay for JIT " +
                      "and Marten's code generation, which the main run's warm-up also keeps out of its figures), the backend settled again, " +
                      $"and then the end-to-end drain was measured with the one replica of each service that had run the whole benchmark: a new programme of {two.Returnees:N0} returnees " +
                      $"(seed {one?.Seed.ToString(CultureInfo.InvariantCulture) ?? "?"}), {Posts(two.PostsInFlight)} per service, from the first post until `GET /indicators` showed exactly " +
                      "the figures before plus the programme's (the five headline figures, as the main drain checks). Then build/bench.sh started a second replica of each of the four " +
                      "services on ports of its own with the same environment, waited until all four answered `/health/ready`, warmed up each of the two replicas alone in the same way, and the same drain was measured again with a programme " +
                      $"of the same size and a seed of its own ({two.Seed}), each service's batches spread round robin over its two replicas (the next replica for every batch, " +
                      "as a load balancer would; a resent batch may reach the other replica, which must answer duplicate). `GET /indicators` was asked of the first Reporting.").AppendLine();

        md.AppendLine("| | one replica of each service | two replicas of each service |");
        md.AppendLine("| --- | ---: | ---: |");
        Line(md, "programme: distinct events (posted, resends included; batches)", one, two, m => $"{m.DistinctEvents:N0} ({m.PostedEvents:N0}; {m.Batches})");
        Line(md, "batches per replica (Intake, Counselling, Training)", one, two, m =>
            string.Join("; ", new[] { "Intake", "Counselling", "Training" }.Select(s => m.BatchesPerReplica.GetValueOrDefault(s, "?"))));
        Line(md, "all posts answered after", one, two, m => Sec(m.PostingSeconds));
        Line(md, "first post until the figures were exact", one, two, m => Sec(m.DrainedSeconds));
        Line(md, "**events/s, end to end**", one, two, m => $"**{m.EventsPerSecond:N0}**");
        Line(md, "figures exact", one, two, m => m.Problem is null ? $"yes: {m.Shown}" : $"**no**: {m.Problem}", always: true);
        Line(md, "machine busy (both cores) during the drain", one, two, m => m.MachineBusy is { } b ? b.ToString("P0", CultureInfo.InvariantCulture) : "?");
        Line(md, "load average (1 min) at its end", one, two, m => m.LoadAverage is { } l ? l.ToString("0.0", CultureInfo.InvariantCulture) : "?");
        Line(md, $"before it (not timed): warm-up programmes of {ReplicaComparison.WarmUpReturnees} returnees, one through each replica alone; settling", one, two,
            m => $"{m.WarmUps}, {Sec(m.WarmUpSeconds)}; {Sec(m.SettleSeconds)}");
        md.AppendLine();

        var ratio = one is { Problem: null, EventsPerSecond: > 0 } && two.Problem is null ? two.EventsPerSecond / one.EventsPerSecond : (double?)null;
        md.AppendLine(ratio is { } r
            ? $"**Two replicas / one: {r:0.00}** ({two.EventsPerSecond:N0} against {one!.EventsPerSecond:N0} events/s)."
            : "No ratio: a drain was not exact or did not run (see the table). The benchmark exited non-zero.").AppendLine();

        md.AppendLine("CPU seconds (user + system) per process during each drain (from /proc, as in *Where the CPU went*; `-2` is the second replica):").AppendLine();
        md.AppendLine("| process | one replica of each | two replicas of each |");
        md.AppendLine("| --- | ---: | ---: |");
        var processes = (one?.CpuSeconds.Keys ?? Enumerable.Empty<string>()).Union(two.CpuSeconds.Keys).OrderBy(Order).ThenBy(p => p, StringComparer.Ordinal);
        foreach (var process in processes)
            md.AppendLine($"| {process} | {Cpu(one, process)} | {Cpu(two, process)} |");
        md.AppendLine($"| all the run's service processes | {ServicesCpu(one)} | {ServicesCpu(two)} |");
        md.AppendLine($"| wall time | {(one is null || one.WallSeconds == 0 ? "–" : Sec(one.WallSeconds))} | {(two.WallSeconds == 0 ? "–" : Sec(two.WallSeconds))} |");
        md.AppendLine();

        md.AppendLine("What this shows, and what it cannot: the machine has " +
                      $"{Environment.ProcessorCount} cores, shared by the services, PostgreSQL, RabbitMQ and the benchmark client, and they were already " +
                      $"{(one?.MachineBusy is { } busy ? busy.ToString("P0", CultureInfo.InvariantCulture) : "?")} busy with one replica of each. A second process per service adds no CPU, " +
                      "only more threads competing for the same cores, and each replica's own fixed costs (its timers, health checks, connection pools, its bus connection). " +
                      "The async daemon runs HotCold: per service, one replica holds the lease of every projection and subscription and runs them, the other's daemon waits cold, " +
                      "so the publishing subscription of each service and Reporting's projections run in one process whatever the replica count. What the second replica adds is " +
                      "an ingestion endpoint (the round robin) and the MassTransit consumers, which compete on the same queues (each message goes to one of them). So the ratio is " +
                      "what replicas gain or cost on a saturated two-core machine, and the exact figures show that replicas together lose and double-count nothing; how far replicas " +
                      "scale needs cores of their own for each, which this machine does not have.").AppendLine();

        var rows = new List<string>();
        var measured = two.Problem is null ? $"{two.EventsPerSecond:N0} events/s" : "failed";
        var against = one is { Problem: null } ? $"one replica of each, same run: {one.EventsPerSecond:N0}/s" : "one replica: failed";
        rows.Add($"| End-to-end drain with two replicas of each service ({two.Returnees:N0} returnees' programme, batches round robin over them, {Posts(two.PostsInFlight)} per service) | " +
                 $"{measured} | {against} | {(ratio is { } x ? x.ToString("P0", CultureInfo.InvariantCulture) : "—")} | (no target; on {Environment.ProcessorCount} cores, see *Two replicas*) | |");
        rows.Add($"| … figures exact with one replica / with two | {(one is null ? "?" : one.Problem is null ? "yes" : "**no**")} / {(two.Problem is null ? "yes" : "**no**")} | — | — | exact | " +
                 $"{(one is { Problem: null } && two.Problem is null ? "met" : "**missed**")} |");
        return (md.ToString(), rows);
    }

    // A drain that never started (the backend did not settle) has no figures but its problem and its CPU.
    private static void Line(StringBuilder md, string what, ReplicaComparison.Measurement? one, ReplicaComparison.Measurement two,
        Func<ReplicaComparison.Measurement, string> value, bool always = false)
    {
        string Cell(ReplicaComparison.Measurement? m) =>
            m is null ? "not measured" : !always && m is { Problem: not null, DistinctEvents: 0 } ? "—" : value(m).Replace("|", "/");
        md.AppendLine($"| {what} | {Cell(one)} | {Cell(two)} |");
    }

    // The services in their usual order, each with its second replica after it; then the rest as CpuMeter names them.
    private static int Order(string process)
    {
        var service = Array.FindIndex(Services, s => process == s || process.StartsWith(s + "-", StringComparison.Ordinal));
        return service >= 0 ? service : Services.Length;
    }

    private static string Cpu(ReplicaComparison.Measurement? m, string process) =>
        m?.CpuSeconds.TryGetValue(process, out var s) == true ? s.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string ServicesCpu(ReplicaComparison.Measurement? m) =>
        m is null || m.CpuSeconds.Count == 0 ? "–" : m.CpuSeconds.Where(x => Order(x.Key) < Services.Length).Sum(x => x.Value).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Posts(int n) => n == 1 ? "one post in flight" : $"{n} posts in flight";
    private static string Sec(double seconds) => seconds.ToString(seconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";
}
