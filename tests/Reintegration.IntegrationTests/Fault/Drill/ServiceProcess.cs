using System.Diagnostics;

namespace Reintegration.IntegrationTests.Fault.Drill;

/// <summary>
/// One replica of a service as a real process: the Release build, started from its output folder
/// (so its appsettings are found) with the drill's database, broker and signing key, on its own
/// port. Supervised like a container with a restart policy: a process that exits without being
/// asked to, whether killed by the drill or ending itself, is started again, so a service that
/// decides to exit when it cannot recover (a frozen daemon) comes back the way an orchestrator
/// would bring it back. <see cref="Kill"/> is SIGKILL: nothing of the process runs after it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _service;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _log;
    private readonly Lock _gate = new();
    private Process? _process;
    private bool _stopping;

    public ServiceProcess(string service, int port, IReadOnlyDictionary<string, string> settings)
    {
        _service = service;
        Port = port;
        _settings = settings;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _log = Path.Combine(DrillEnvironment.Results, $"{service.ToLowerInvariant()}-{port}.log");
    }

    public string Name => $"{_service}:{Port}";
    public int Port { get; }
    public Uri BaseAddress { get; }

    /// <summary>Starts the process, or the times it ended by itself or by <see cref="Kill"/> and was started again.</summary>
    public int Starts { get; private set; }

    public int? ProcessId
    {
        get
        {
            lock (_gate) return _process is { HasExited: false } p ? p.Id : null;
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            _stopping = false;
            var dir = Path.Combine(DrillEnvironment.Root, "services", _service, "bin", "Release", "net10.0");
            var dll = $"Reintegration.{_service}.dll";
            if (!File.Exists(Path.Combine(dir, dll)))
                throw new InvalidOperationException($"{Path.Combine(dir, dll)} not found: build Reintegration.slnx in Release first.");

            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
            // Only the drill's settings reach the service: no other database, identity provider or collector.
            foreach (var inherited in new[] { $"ConnectionStrings__{_service.ToLowerInvariant()}", "Auth__Authority", "OTEL_EXPORTER_OTLP_ENDPOINT" })
                start.Environment.Remove(inherited);
            foreach (var (key, value) in _settings) start.Environment[key] = value;

            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            var writer = TextWriter.Synchronized(new StreamWriter(_log, append: true) { AutoFlush = true });
            writer.WriteLine($"==== {DateTime.UtcNow:HH:mm:ss.fff} start #{Starts + 1} of {Name}");
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) writer.WriteLine(e.Data); };
            process.Exited += (_, _) => OnExited(process, writer);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
            Starts++;
        }
    }

    /// <summary>kill -9; the supervisor starts it again, as an orchestrator would.</summary>
    public void Kill()
    {
        lock (_gate) _process?.Kill(entireProcessTree: true);
    }

    /// <summary>SIGTERM, up to 20 s for a graceful stop, then SIGKILL; not started again.</summary>
    public async Task StopAsync()
    {
        Process? process;
        lock (_gate)
        {
            _stopping = true;
            process = _process;
        }

        if (process is null || process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The last lines of the service's log, for a failure message.</summary>
    public string Tail(int lines = 20)
    {
        try
        {
            using var stream = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private void OnExited(Process process, TextWriter writer)
    {
        bool restart;
        lock (_gate)
        {
            restart = !_stopping && ReferenceEquals(process, _process);
            writer.WriteLine($"==== {DateTime.UtcNow:HH:mm:ss.fff} {Name} exited ({(process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}){(restart ? ": starting it again" : "")}");
        }

        if (!restart) return;
        // Like a restart policy's back-off, short: the drill measures recovery, not waiting.
        _ = Task.Delay(TimeSpan.FromMilliseconds(500)).ContinueWith(_ =>
        {
            lock (_gate)
                if (_stopping || !ReferenceEquals(process, _process)) return;
            Start();
        }, TaskScheduler.Default);
    }
}
