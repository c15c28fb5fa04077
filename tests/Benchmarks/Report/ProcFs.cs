using System.Globalization;

namespace Reintegration.Benchmarks.Report;

/// <summary>
/// What Linux tells about processes and the machine in /proc. Everything is best effort: on a
/// system without /proc the figures are simply missing from the report.
/// </summary>
public static class ProcFs
{
    // USER_HZ: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100.0;

    /// <summary>A field of /proc/PID/status in bytes (e.g. VmRSS, VmHWM), or null.</summary>
    public static long? StatusBytes(int pid, string field)
    {
        var line = ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? null : Kilobytes(line) * 1024;
    }

    /// <summary>User plus system CPU seconds the process has used so far, or null when it is gone.</summary>
    /// <param name="withEndedChildren">Also the time of its children that ended and were waited for (cutime, cstime).</param>
    public static double? CpuSeconds(int pid, bool withEndedChildren = false)
    {
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null) return null;
        // The command name (field 2) may hold spaces; fields after its closing parenthesis are plain
        // (utime, stime, cutime, cstime: fields 14-17 of proc(5)).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return (Field(11) + Field(12) + (withEndedChildren ? Field(13) + Field(14) : 0)) / TicksPerSecond;
    }

    /// <summary>
    /// Summed CPU seconds of every process with this command name (e.g. postgres, beam.smp), with
    /// those of their children that ended and were waited for: a PostgreSQL backend whose
    /// connection closed during a phase is gone from /proc, but its time is in the postmaster's
    /// (without it, the sum over live processes falls when a pool closes its connections).
    /// </summary>
    public static double CpuSecondsOfCommand(string command) =>
        PidsOfCommand(command).Sum(pid => CpuSeconds(pid, withEndedChildren: true) ?? 0);

    /// <summary>The processes now running with this command name.</summary>
    public static IEnumerable<int> PidsOfCommand(string command)
    {
        foreach (var directory in SafeDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read($"/proc/{pid}/comm")?.Trim() == command)
                yield return pid;
    }

    /// <summary>(busy, total) ticks (USER_HZ, like process times) of all CPUs since boot, from the first line of /proc/stat.</summary>
    public static (long Busy, long Total)? MachineJiffies()
    {
        var first = ReadLines("/proc/stat").FirstOrDefault();
        if (first is null || !first.StartsWith("cpu ", StringComparison.Ordinal)) return null;
        var values = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal ...; idle and iowait are not busy.
        var total = values.Take(8).Sum();
        return (total - values[3] - values[4], total);
    }

    /// <summary>The 1-minute load average: runnable and waiting tasks, to compare with the core count.</summary>
    public static double? LoadAverage() =>
        Read("/proc/loadavg")?.Split(' ') is [var first, ..] && double.TryParse(first, CultureInfo.InvariantCulture, out var load) ? load : null;

    public static long? MemTotalBytes() =>
        ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line ? Kilobytes(line) * 1024 : null;

    public static string? CpuModel() =>
        ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();

    public static string? OsName() =>
        ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"');

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string[] ReadLines(string path) => Read(path)?.Split('\n') ?? [];

    private static string[] SafeDirectories(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
