using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.ServiceDefaults.Access;

namespace Reintegration.IntegrationTests.Shutdown;

/// <summary>
/// Intake as a real process: the Release build's DLL started from its output folder, as
/// build/bench.sh starts it (Production, its appsettings, a key of the test run's own), against
/// an isolated backend, so a signal reaches the host exactly as in a container.
/// </summary>
public sealed class IntakeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private IntakeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Tail => string.Join('\n', _output.TakeLast(40));

    public static async Task<IntakeProcess> StartAsync(IsolatedBackend backend)
    {
        var folder = Path.Combine(Repository.Root, "services", "Intake", "bin", "Release", "net10.0");
        var dll = Path.Combine(folder, "Reintegration.Intake.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} not found: build the solution in Release first");
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        // As build/bench.sh: a per-service connection string would bypass the backend, an identity
        // provider the test run's key; the shared infrastructure's variables are replaced.
        start.Environment.Remove("ConnectionStrings__intake");
        start.Environment.Remove("Auth__Authority");
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = backend.Postgres,
            ["ConnectionStrings__RabbitMq"] = backend.RabbitMq,
            ["Auth__Issuer"] = TestTokens.Issuer,
            ["Auth__Audience"] = TestTokens.Audience,
            ["Auth__SigningKeysFile"] = TestTokens.JwksFile,
            ["Limits__BurstRequests"] = "1000000",
            ["Limits__RequestsPerMinute"] = "1000000",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MASSTRANSIT_USAGE_TELEMETRY"] = "false",
            // A restarted replica takes the daemon over within a second, as in the other tests.
            ["Daemon__LeadershipPollingMilliseconds"] = "500",
            ["Daemon__HealthCheckPollingSeconds"] = "1",
            ["Daemon__AgentPauseSeconds"] = "1",
            ["Messaging__PublishTimeoutSeconds"] = "5",
            ["Logging__Console__FormatterName"] = "simple",
        })
            start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var intake = new IntakeProcess(process, address);
        process.OutputDataReceived += (_, e) => intake.Record(e.Data);
        process.ErrorDataReceived += (_, e) => intake.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.UntilAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"Intake exited with {process.ExitCode} during start-up:\n{intake.Tail}");
            try
            {
                return (await probe.GetAsync("health/ready")).StatusCode;
            }
            catch (HttpRequestException)
            {
                return HttpStatusCode.ServiceUnavailable;
            }
        }, status => status == HttpStatusCode.OK, "Intake to answer /health/ready", TimeSpan.FromSeconds(120));
        return intake;
    }

    /// <summary>A partner's client: a token with events:write for the simulator's sources.</summary>
    public HttpClient PartnerClient()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Mint([Scopes.EventsWrite], PartnerSources.Posting));
        return client;
    }

    /// <summary>SIGTERM, as the kubelet sends it: the host's graceful shutdown begins.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0) throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>The exit code, once the process has stopped by itself (within <paramref name="timeout"/>, else a failure).</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Intake did not stop within {timeout.TotalSeconds:0} s of SIGTERM:\n{Tail}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 400) _output.TryDequeue(out _);
    }

    private const int SigTerm = 15;

    // libc's kill(2): .NET has no API that sends a process a signal other than SIGKILL.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
