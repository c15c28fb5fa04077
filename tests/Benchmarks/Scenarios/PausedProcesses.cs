using System.Runtime.InteropServices;

namespace Reintegration.Benchmarks.Scenarios;

/// <summary>
/// Other services' processes stopped (SIGSTOP) until disposed (SIGCONT), for a phase that measures
/// one service without the share of the two cores the others would take meanwhile. What is
/// published for them waits in their queues and is consumed once they go on (the phase's
/// catch-up waits for it). The pause lasts the phase: 1–3 s in the runs of 2026-12-03.
/// </summary>
public sealed class PausedProcesses : IDisposable
{
    // The same numbers on Linux x86-64 and arm64 (asm-generic).
    private const int SigStop = 19;
    private const int SigCont = 18;

    private readonly IReadOnlyList<int> _pids;

    private PausedProcesses(IReadOnlyList<int> pids) => _pids = pids;

    public static PausedProcesses Pause(IReadOnlyList<int> pids)
    {
        var paused = new List<int>();
        try
        {
            foreach (var pid in pids)
            {
                Signal(pid, SigStop);
                paused.Add(pid);
            }
        }
        catch
        {
            foreach (var pid in paused) Signal(pid, SigCont);
            throw;
        }

        return new PausedProcesses(paused);
    }

    public void Dispose()
    {
        foreach (var pid in _pids) Signal(pid, SigCont);
    }

    private static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
            throw new BenchmarkFailure($"could not send signal {signal} to process {pid} (errno {Marshal.GetLastPInvokeError()})");
    }

    // DllImport rather than LibraryImport: two ints need no marshalling, and no unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
