using System.Diagnostics;

namespace Reintegration.Benchmarks.Report;

/// <summary>
/// CPU seconds per process over a phase, and how busy the whole machine was. On two shared
/// cores this is what explains most figures: who ate the CPU while the clock ran. Given the
/// database, PostgreSQL's CPU is also split by whom its processes worked for (<see cref="PostgresOwners"/>).
/// </summary>
public sealed class CpuMeter(IReadOnlyDictionary<string, int> servicePids, PostgresOwners? postgres = null)
{
    public const string Client = "benchmark client";
    public const string Postgres = "PostgreSQL (all backends, any client)";
    public const string RabbitMq = "RabbitMQ (beam.smp)";

    public CpuSnapshot Take()
    {
        var seconds = new Dictionary<string, double>();
        foreach (var (name, pid) in servicePids)
            if (ProcFs.CpuSeconds(pid) is { } s) seconds[name] = s;
        seconds[Client] = ProcFs.CpuSeconds(Environment.ProcessId) ?? 0;
        seconds[Postgres] = ProcFs.CpuSecondsOfCommand("postgres");
        seconds[RabbitMq] = ProcFs.CpuSecondsOfCommand("beam.smp");
        var processes = postgres?.Take() ?? new Dictionary<int, PostgresProcess>();
        return new CpuSnapshot(Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow, seconds, ProcFs.MachineJiffies(), ProcFs.LoadAverage(), processes);
    }
}

public sealed record CpuSnapshot(
    long Timestamp, DateTimeOffset At, IReadOnlyDictionary<string, double> Seconds, (long Busy, long Total)? Machine, double? LoadAverage,
    IReadOnlyDictionary<int, PostgresProcess> PostgresProcesses);

/// <summary>
/// What a phase used: wall time, the machine's busy share, CPU seconds by process (with
/// <see cref="Others"/>: busy time of every process not listed, i.e. whoever else shares the
/// machine), and the 1-minute load average at its end (above the core count: work was queueing);
/// <see cref="PostgresBy"/>: PostgreSQL's seconds by whom its processes worked for (empty when not known).
/// </summary>
public sealed record CpuUsage(
    DateTimeOffset Started, TimeSpan Wall, double? MachineBusy, IReadOnlyDictionary<string, double> Seconds, double? LoadAverage,
    IReadOnlyDictionary<string, double> PostgresBy)
{
    public const string Others = "everything else";

    public static CpuUsage Between(CpuSnapshot start, CpuSnapshot end)
    {
        var seconds = end.Seconds
            .Where(x => start.Seconds.ContainsKey(x.Key))
            .ToDictionary(x => x.Key, x => Math.Max(0, x.Value - start.Seconds[x.Key]));
        double? busy = null;
        if (start.Machine is { } a && end.Machine is { } b && b.Total > a.Total)
        {
            busy = (double)(b.Busy - a.Busy) / (b.Total - a.Total);
            seconds[Others] = Math.Max(0, (b.Busy - a.Busy) / 100.0 - seconds.Values.Sum());
        }

        var postgresBy = PostgresOwners.Between(start.PostgresProcesses, end.PostgresProcesses, seconds.GetValueOrDefault(CpuMeter.Postgres));
        return new CpuUsage(start.At, Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp), busy, seconds, end.LoadAverage, postgresBy);
    }
}
