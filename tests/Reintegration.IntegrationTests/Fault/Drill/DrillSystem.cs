using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;
using Reintegration.ServiceDefaults.Access;
using Reintegration.Tokens;
using Xunit;

namespace Reintegration.IntegrationTests.Fault.Drill;

[CollectionDefinition(Name)]
public sealed class FaultDrillCollection : ICollectionFixture<DrillSystem>
{
    public const string Name = "fault drill";
}

/// <summary>
/// The four services as real processes on the fault stage's own PostgreSQL and RabbitMQ, shared
/// by every scenario of the drill: each scenario posts a programme of its own (its own seed, so
/// nothing collides) while its fault happens, and is then reconciled against every programme
/// posted so far. The figures the drill expects are the oracle's over all of them, so a scenario
/// that left Reporting wrong fails the ones after it too: read the first failure first.
/// </summary>
public sealed class DrillSystem : IAsyncLifetime
{
    public const int PortBase = 5460;
    public static readonly string[] Services = ["Intake", "Counselling", "Training", "Reporting"];

    /// <summary>How long a scenario may take to reach exact figures after its fault.</summary>
    public static readonly TimeSpan ConvergenceTimeout = TimeSpan.FromSeconds(180);

    private readonly Dictionary<string, List<ServiceProcess>> _replicas = [];
    private readonly Dictionary<ServiceProcess, HttpClient> _clients = [];
    private readonly List<ProgrammeFacts> _posted = [];
    private readonly List<ScenarioResult> _results = [];
    private readonly TokenIssuer _issuer = TokenIssuer.Create($"fault-drill-{Guid.NewGuid():N}", "urn:reintegration:fault-drill");
    private IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();
    private string _token = "";
    private int _seed = 9000;

    public ServiceProcess Primary(string service) => _replicas[service][0];

    public IReadOnlyList<ServiceProcess> Replicas(string service) => _replicas[service];

    public HttpClient Client(ServiceProcess process) => _clients[process];

    public HttpClient PrimaryClient(PartnerService service) => _clients[Primary(service.ToString())];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DrillEnvironment.Results);
        _ = DrillEnvironment.InfraScript; // refuse to start anywhere but on the private instances
        var jwks = Path.Combine(DrillEnvironment.Results, "fault-drill-jwks.json");
        await File.WriteAllTextAsync(jwks, _issuer.JwksJson());
        _token = _issuer.Mint(new TokenRequest(
            [Scopes.EventsWrite, Scopes.ReportsRead, Scopes.ReportsDetail], PartnerSources.Posting, "fault-drill") { Lifetime = TimeSpan.FromHours(3) });
        _settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = DrillEnvironment.Postgres,
            ["ConnectionStrings__RabbitMq"] = DrillEnvironment.RabbitMq,
            ["RabbitMq__ManagementUrl"] = DrillEnvironment.ManagementUrl,
            ["Auth__Issuer"] = _issuer.Issuer,
            ["Auth__Audience"] = _issuer.Audience,
            ["Auth__SigningKeysFile"] = jwks,
            ["Limits__BurstRequests"] = "1000000",
            ["Limits__RequestsPerMinute"] = "1000000",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["MASSTRANSIT_USAGE_TELEMETRY"] = "false",
            // A stall shows in the detail after 20 s rather than a minute: the drill waits on it.
            ["Daemon__StallAfterSeconds"] = "20",
            ["Logging__LogLevel__Marten"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };

        // One after another the first time: each applies its schema at start-up, and four stores
        // migrating one empty database at once contend for Marten's lock.
        for (var i = 0; i < Services.Length; i++)
        {
            var process = Add(Services[i], PortBase + 1 + i);
            process.Start();
            await WaitReadyAsync(process, TimeSpan.FromSeconds(180));
        }

        await UntilAllHealthyAsync(TimeSpan.FromSeconds(120));
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_replicas.Values.SelectMany(r => r).Select(p => p.StopAsync()));
        foreach (var client in _clients.Values) client.Dispose();
    }

    /// <summary>A second replica of the service on its own port, same database and broker.</summary>
    public ServiceProcess AddReplica(string service)
    {
        var index = Array.IndexOf(Services, service);
        return Add(service, PortBase + 11 + index + 10 * (_replicas[service].Count - 1));
    }

    public async Task StopReplicaAsync(ServiceProcess process)
    {
        await process.StopAsync();
        _replicas[process.Name.Split(':')[0]].Remove(process);
    }

    /// <summary>The next scenario's programme: a seed of its own, event times in the past.</summary>
    public Programme NextProgramme() => ProgrammeGenerator.Generate(new SimulationOptions
    {
        Returnees = DrillEnvironment.Returnees,
        Seed = Interlocked.Increment(ref _seed),
        NotAfter = DateTimeOffset.UtcNow.AddMinutes(-1),
    });

    /// <summary>Until the process answers <c>/health/ready</c> (its database, Kestrel listening).</summary>
    public async Task WaitReadyAsync(ServiceProcess process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await StatusAsync(process, "health/ready") == HttpStatusCode.OK) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{process.Name} did not answer /health/ready within {timeout.TotalSeconds:0} s. Its log ends:\n{process.Tail()}");
            await Task.Delay(250);
        }
    }

    /// <summary>The processes whose <c>/health/detail</c> is not 200, with what they say.</summary>
    public async Task<List<string>> UnhealthyAsync()
    {
        var unhealthy = new List<string>();
        foreach (var process in _replicas.Values.SelectMany(r => r).ToList())
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                using var response = await _clients[process].GetAsync("health/detail", timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK) continue;
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token)) as JsonObject;
                var checks = (body?["checks"] as JsonObject ?? [])
                    .Where(c => (string?)c.Value?["status"] != "Healthy")
                    .Select(c => $"{c.Key}: {(string?)c.Value?["description"]}");
                unhealthy.Add($"{process.Name} {(int)response.StatusCode} ({string.Join("; ", checks)})");
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
            {
                unhealthy.Add($"{process.Name} does not answer /health/detail ({ex.GetType().Name})");
            }
        }

        return unhealthy;
    }

    private async Task UntilAllHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await UnhealthyAsync() is { Count: > 0 } unhealthy)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not healthy after {timeout.TotalSeconds:0} s: {string.Join(" | ", unhealthy)}");
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// One scenario: posts a fresh programme through <paramref name="clients"/> (the primaries by
    /// default) and, once <paramref name="trigger"/> first holds for a batch about to be posted,
    /// runs <paramref name="fault"/> beside the load; it returns when the fault is over. Then
    /// reconciles exactly and records the time from the fault's end to exact figures.
    /// </summary>
    public async Task<ScenarioResult> RunAsync(
        string scenario, Func<PostingBatch, int, bool> trigger, Func<FaultWindow, Task> fault, Func<PartnerService, HttpClient>? clients = null)
    {
        var programme = NextProgramme();
        var plan = programme.Batches(batchSize: 50);
        var window = new FaultWindow();
        Task? faultTask = null;
        var gate = new Lock();
        PartnerLoad load = null!;
        load = new PartnerLoad(clients ?? PrimaryClient, concurrency: 2)
        {
            BeforePost = batch =>
            {
                lock (gate)
                    if (faultTask is null && trigger(batch, load.BatchesAnswered))
                        faultTask = Task.Run(async () =>
                        {
                            window.Load = load;
                            window.Started = Stopwatch.GetTimestamp();
                            await fault(window);
                            window.Ended ??= Stopwatch.GetTimestamp();
                        });
                return Task.CompletedTask;
            },
        };

        Log($"{scenario}: posting {plan.Batches.Count} batches ({plan.DistinctEventCount} events, seed {programme.Options.Seed})");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var posting = load.RunAsync(plan, cancel.Token);
        await posting;
        var postingEnded = Stopwatch.GetTimestamp();
        lock (gate)
            if (faultTask is null)
                throw new InvalidOperationException($"{scenario}: the fault's trigger never held, so no fault happened");
        await faultTask;
        Log($"{scenario}: posted; {load.AnswersLost} answers lost and sent again; fault lasted {Seconds(window.Started, window.Ended!.Value):0.0} s");

        var answerProblems = Reconciliation.CheckAnswers(programme.Events.Select(PartnerLoad.Key), load.Answers);
        Assert.True(answerProblems.Count == 0,
            $"{scenario}: {answerProblems.Count} events answered wrongly, e.g.\n{string.Join("\n", answerProblems.Take(10))}");

        var answers = load.Answers;
        var notDuplicate = load.DroppedAfterCommit.Where(k => answers[k][^1] != "duplicate").ToList();
        Assert.True(notDuplicate.Count == 0,
            $"{scenario}: {notDuplicate.Count} events stored before their answer was lost were not answered duplicate when sent again, e.g. " +
            string.Join("; ", notDuplicate.Take(5).Select(k => $"{k}: {string.Join(", ", answers[k])}")));
        var (resentAccepted, resentDuplicate) = Reconciliation.Resent(programme.Events.Select(PartnerLoad.Key), answers);
        _posted.Add(programme.Facts);
        var facts = Reconciliation.Merge(_posted);
        var expected = ExpectedIndicators.For(facts);
        var exactAt = await UntilExactAsync(scenario, expected);

        var log = await Reconciliation.CheckReportingLogAsync(DrillEnvironment.Postgres, facts, CancellationToken.None);
        Assert.True(log.Count == 0, $"{scenario}: Reporting's log does not hold each reported fact exactly once:\n{string.Join("\n", log)}");

        var result = new ScenarioResult(
            scenario, plan.DistinctEventCount, load.AnswersLost, resentAccepted, resentDuplicate, load.DroppedAfterCommit.Count, Seconds(window.Started, window.Ended.Value),
            Seconds(window.Ended.Value, exactAt), Seconds(postingEnded, exactAt) is var p && p > 0 ? p : 0);
        _results.Add(result);
        await TimeToExactReport.WriteAsync(_results);
        Log($"{scenario}: exact {result.FaultEndToExact:0.0} s after the fault ended ({result.LastPostToExact:0.0} s after the last post)");
        return result;
    }

    /// <summary>
    /// Until every process's detail is healthy (no stalled daemon, bus connected, no dead letter)
    /// and Reporting's figures equal the oracle's, twice, 2 s apart; the moment of the first.
    /// </summary>
    private async Task<long> UntilExactAsync(string scenario, IReadOnlyList<ExpectedIndicator> expected)
    {
        var deadline = DateTime.UtcNow + ConvergenceTimeout;
        long? exactSince = null;
        while (true)
        {
            var unhealthy = await UnhealthyAsync();
            var differences = await DifferencesAsync(expected);
            if (unhealthy.Count == 0 && differences.Count == 0)
            {
                exactSince ??= Stopwatch.GetTimestamp();
                if (Seconds(exactSince.Value, Stopwatch.GetTimestamp()) >= 2) return exactSince.Value;
            }
            else
            {
                exactSince = null;
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    $"{scenario}: not exact {ConvergenceTimeout.TotalSeconds:0} s after the load. " +
                    (unhealthy.Count > 0 ? $"Unhealthy: {string.Join(" | ", unhealthy)}. " : "") +
                    (differences.Count > 0 ? $"Reporting's figures differ from the oracle in {differences.Count} places, e.g. {string.Join("; ", differences.Take(8))}." : ""));
            await Task.Delay(500);
        }
    }

    private async Task<List<string>> DifferencesAsync(IReadOnlyList<ExpectedIndicator> expected)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var response = await _clients[Primary("Reporting")].GetAsync("indicators?disclosure=detail", timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK) return [$"GET /indicators answered {(int)response.StatusCode}"];
            return Reconciliation.Differences(JsonNode.Parse(body)!.AsObject(), expected);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return [$"GET /indicators failed ({ex.GetType().Name})"];
        }
    }

    private ServiceProcess Add(string service, int port)
    {
        var process = new ServiceProcess(service, port, _settings);
        if (!_replicas.TryGetValue(service, out var list)) _replicas[service] = list = [];
        list.Add(process);
        _clients[process] = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            MaxConnectionsPerServer = 64,
        })
        {
            BaseAddress = process.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _token) },
        };
        return process;
    }

    private async Task<HttpStatusCode?> StatusAsync(ServiceProcess process, string path)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await _clients[process].GetAsync(path, timeout.Token);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    public static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;

    public static void Log(string line)
    {
        var text = $"[fault-drill {DateTime.UtcNow:HH:mm:ss}] {line}";
        Console.WriteLine(text);
        File.AppendAllText(Path.Combine(DrillEnvironment.Results, "drill.log"), text + Environment.NewLine);
    }
}

/// <summary>When a scenario's fault began and ended (Stopwatch timestamps).</summary>
public sealed class FaultWindow
{
    /// <summary>The partners' load the fault happens under.</summary>
    public PartnerLoad Load { get; set; } = null!;

    public long Started { get; set; }
    public long? Ended { get; set; }
}

/// <param name="AnswersLost">Posts (batches) whose answer never came, or came as 503, each sent again.</param>
/// <param name="ResentAccepted">Events in those posts answered accepted when sent again: not stored before.</param>
/// <param name="ResentDuplicate">Events in those posts answered duplicate when sent again: stored, the answer lost.</param>
/// <param name="DroppedAfterCommit">Events whose 200 answer the drill dropped unread (<see cref="PartnerLoad.DropAnswers"/>).</param>
public sealed record ScenarioResult(
    string Scenario, int Events, int AnswersLost, int ResentAccepted, int ResentDuplicate, int DroppedAfterCommit,
    double FaultSeconds, double FaultEndToExact, double LastPostToExact);
