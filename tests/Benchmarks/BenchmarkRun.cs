using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Reintegration.Benchmarks.Baselines;
using Reintegration.Benchmarks.Report;
using Reintegration.Benchmarks.Scenarios;
using Reintegration.Benchmarks.Setup;
using Reintegration.PartnerSimulator.Generation;

namespace Reintegration.Benchmarks;

/// <summary>
/// One benchmark run: the raw baselines, then the services phase by phase. Each phase is metered
/// for CPU; one that goes functionally wrong is recorded as a problem and the run goes on with
/// whatever does not depend on it, so the report always shows what could be measured.
/// </summary>
public sealed class BenchmarkRun
{
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan EndToEndPoll = TimeSpan.FromMilliseconds(100);
    // Not a target figure, so polled gently: every GET /indicators costs Reporting and PostgreSQL
    // work that grows with the data (see the "GET /indicators" phase), and would slow what it watches.
    private static readonly TimeSpan CatchUpPoll = TimeSpan.FromSeconds(1);
    private const int WarmUpReturnees = 40;
    private const int IndicatorCalls = 5;

    private readonly RunOptions _options;
    private readonly RunResults _results;
    private readonly CpuMeter _cpu;
    private readonly string _postgres;
    private readonly Uri _rabbitMq;
    private readonly string _keys;
    private readonly string _token;
    private readonly CancellationToken _cancellationToken;

    private BenchmarkRun(RunOptions options, CancellationToken cancellationToken)
    {
        _options = options;
        _results = new RunResults { StartedAt = DateTimeOffset.UtcNow, Options = options };
        _postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                    ?? throw new FormatException("Set ConnectionStrings__Postgres to the run's own database.");
        _cpu = new CpuMeter(options.Pids, new PostgresOwners(_postgres));
        _rabbitMq = new Uri(Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq")
                            ?? throw new FormatException("Set ConnectionStrings__RabbitMq to the run's own vhost."));
        _keys = options.Keys ?? throw new FormatException("--keys DIR is required.");
        // Long enough for the slowest run; the services check the lifetime on every request.
        _token = BenchmarkKey.Mint(BenchmarkKey.Load(_keys), TimeSpan.FromHours(2));
        _cancellationToken = cancellationToken;
    }

    /// <returns>0 when every phase ran and was right, 1 when something was functionally wrong.</returns>
    public static async Task<int> RunAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var run = new BenchmarkRun(options, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        await run.AllPhasesAsync();
        run._results.Total = Stopwatch.GetElapsedTime(started);

        foreach (var (service, pid) in options.Pids)
            run._results.Memory.Add((service, ProcFs.StatusBytes(pid, "VmRSS"), ProcFs.StatusBytes(pid, "VmHWM")));
        if (options.Logs is { } logs)
            foreach (var service in options.Pids.Keys)
                run._results.Logs.Add((service, ServiceLogs.Summarise(Path.Combine(logs, service.ToLowerInvariant() + ".log"))));

        var directory = Path.GetDirectoryName(Path.GetFullPath(options.Output));
        if (directory is not null) Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(options.Output, MarkdownReport.Write(run._results), CancellationToken.None);
        Log($"report written to {options.Output}");
        foreach (var problem in run._results.Problems) Log($"PROBLEM {problem}");
        return run._results.Problems.Count == 0 ? 0 : 1;
    }

    private async Task AllPhasesAsync()
    {
        await ReadVersionsAsync();
        await PhaseAsync(Phases.Copy, async () =>
        {
            _results.Copy = await PostgresCopyBaseline.RunAsync(_postgres, _options.CopyRows, _cancellationToken);
            return $"{_results.Copy.PerSecond:N0} rows/s";
        });
        await PhaseAsync(Phases.Marten, async () =>
        {
            var m = _results.Marten = await MartenAppendBaseline.RunAsync(_postgres, _options.MartenEvents,
                _options.MartenStreamsPerCommit, _options.MartenEventsPerStream, _options.MartenSingleCommits, _cancellationToken);
            return $"batched {m.Batched.PerSecond:N0} events/s, one per commit {m.OneEventPerCommit.PerSecond:N0} events/s (p50 {m.CommitLatency.P50:0.0} ms)";
        });
        await PhaseAsync(Phases.MassTransit, async () =>
        {
            _results.MassTransit = await MassTransitBaseline.RunAsync(_rabbitMq, _options.BusMessages, _options.BusPage, _cancellationToken);
            return $"{_results.MassTransit.PerSecond:N0} messages/s";
        });

        await PhaseAsync(Phases.TokenValidation, async () =>
        {
            var t = _results.TokenValidation = await Task.Run(() => TokenValidationBaseline.RunAsync(
                Path.Combine(_keys, BenchmarkKey.JwksFile), BenchmarkKey.Issuer, BenchmarkKey.Audience, _token, _options.Validations, _cancellationToken));
            return $"{t.CostUs:0.0} µs CPU per authentication ({t.PerSecond:N0}/s on one core), token handler alone {t.HandlerCpuUs:0.0} µs, RS256 verify {t.RsaVerifyCpuUs:0.0} µs";
        });

        await PhaseAsync(Phases.Encryption, async () =>
        {
            var e = _results.Encryption = await EncryptionCostBaseline.RunAsync(_postgres, _options.SealRegistrations, _cancellationToken);
            return $"sealed {e.Sealed.PerSecond:N0}/s, plain {e.Plain.PerSecond:N0}/s ({e.Ratio:P0}); sealing {e.SealCpuUs:0.0} µs CPU per registration";
        });

        using var services = new Services(_options.Intake, _options.Counselling, _options.Training, _options.Reporting, _token);

        // What Reporting shows before anything is posted (nothing, on the run's fresh backend);
        // every later expectation is this plus what was posted since, so each is exact.
        Dictionary<string, long>? shown = null;
        await PhaseAsync("GET /indicators before posting", async () =>
        {
            shown = (await services.HeadlineAsync(_cancellationToken)).Values;
            return Headline.Line(shown);
        }, meter: false);

        // A small programme through every path first: the first requests after start pay for JIT
        // and Marten's runtime code generation, which no later figure should include. Its own
        // timings are reported as the cold start.
        if (shown is not null)
        {
            var before = shown;
            shown = null;
            await PhaseAsync(Phases.WarmUp, async () =>
            {
                var w = _results.WarmUp = await EndToEndDrain.RunAsync(services, 999, WarmUpReturnees, concurrency: 1, before,
                    EndToEndPoll, CatchUpTimeout, _cancellationToken);
                shown = w.Shown.ToDictionary();
                return $"{w.DistinctEvents:N0} events posted in {w.Posting.TotalSeconds:0.0} s, shown by Reporting after {w.Drained.TotalSeconds:0.0} s";
            });
        }

        // Then a round of each measured batch phase, unmeasured, in the same shape (the phase's
        // registrations, its batch size, one post at a time and then two in flight). Measured on
        // 2026-12-03: after a warm-up of 4,000 registrations in batches of 100, three ×1 phases in a
        // row took 2,480, 5,455 and 5,928 events/s, and Counselling and Reporting spent 1.4 and 1.9
        // CPU-seconds during the first against 0.3 and 0.3 during the second (with the JIT's tiers
        // off, 4,460 then 8,043 and 7,740): the first measured phase had paid for the services'
        // JIT tiers, their connection pools and their consumers' first full-size batches.
        foreach (var (concurrency, seed) in new[] { (1, 1000), (2, 1010) })
        {
            if (shown is null) break;
            var before = shown;
            shown = null;
            var warmUp = BatchIngestion.Prepare(seed, _options.BatchRegistrations, _options.BatchSize);
            await PhaseAsync(Phases.BatchWarmUp(concurrency), async () =>
            {
                var w = await BatchIngestion.RunAsync(services, warmUp, concurrency, TimeSpan.FromSeconds(_options.BatchSeconds), _cancellationToken);
                _results.BatchWarmUps.Add(w);
                shown = (await UntilRegistrationsShownAsync(services, before, w.Events.Count, w.Finished)).Values.ToDictionary();
                return $"{w.Events.PerSecond:N0} events/s, then shown by Reporting";
            }, meter: false);
        }

        // Batch ingestion does not depend on what Reporting showed before; only its catch-up does.
        foreach (var concurrency in new[] { 1, 2 })
        {
            // Its baseline again, with the services idle, so that the ratio is not set against a
            // moment of the machine minutes away.
            await MartenRoundAsync(Phases.MartenRoundBefore(Phases.Batch(concurrency)));
            BatchIngestion.Result? ingestion = null;
            var plan = BatchIngestion.Prepare(1000 + concurrency, _options.BatchRegistrations, _options.BatchSize);
            await PhaseAsync(Phases.Batch(concurrency), async () =>
            {
                ingestion = await BatchIngestion.RunAsync(services, plan, concurrency, TimeSpan.FromSeconds(_options.BatchSeconds), _cancellationToken);
                return $"{ingestion.Events.PerSecond:N0} events/s";
            });
            if (ingestion is null || shown is null)
            {
                if (ingestion is not null) _results.Batches.Add((ingestion, null));
                shown = null;
                continue;
            }

            // Waiting here keeps one phase's backlog out of the next one's figures.
            var before = shown;
            ReportingWatch.Result? caughtUp = null;
            await PhaseAsync(Phases.BatchCatchUp(concurrency), async () =>
            {
                caughtUp = await UntilRegistrationsShownAsync(services, before, ingestion.Events.Count, ingestion.Finished);
                return $"{caughtUp.Elapsed.TotalSeconds:0.0} s after the last answer";
            });
            _results.Batches.Add((ingestion, caughtUp));
            shown = caughtUp?.Values.ToDictionary();
        }

        shown = await IntakeAloneAsync(services, shown);

        if (shown is not null)
        {
            var before = shown;
            shown = null;
            await PhaseAsync(Phases.EndToEnd, async () =>
            {
                _results.EndToEnd = await EndToEndDrain.RunAsync(services, 2001, _options.EndToEndReturnees, concurrency: 1, before,
                    EndToEndPoll, CatchUpTimeout, _cancellationToken);
                shown = _results.EndToEnd.Shown.ToDictionary();
                return $"{_results.EndToEnd.DistinctEvents:N0} events in {_results.EndToEnd.Drained.TotalSeconds:0.0} s: {_results.EndToEnd.Events.PerSecond:N0} events/s";
            });
        }
        else
        {
            _results.Problems.Add($"{Phases.EndToEnd}: not run, because Reporting's figures before it are not known (see above).");
        }

        await PhaseAsync(Phases.Single, async () =>
        {
            var s = _results.Single = await SingleEventLatency.RunAsync(services, 3001, _options.SingleRate, TimeSpan.FromSeconds(_options.SingleSeconds), _cancellationToken);
            return $"p50 {s.Latency.P50:0.0} ms, p95 {s.Latency.P95:0.0} ms, p99 {s.Latency.P99:0.0} ms, max {s.Latency.Max:0.0} ms";
        });

        if (shown is not null && _results.Single is { } single)
        {
            var before = shown;
            await PhaseAsync(Phases.SingleCatchUp, async () =>
            {
                _results.SingleCatchUp = await UntilRegistrationsShownAsync(services, before, single.Posted, single.Finished);
                return $"{_results.SingleCatchUp.Elapsed.TotalSeconds:0.0} s after the last answer";
            });
        }

        // Activity that names many people per event, to returnees the Intake batch phase registered.
        // Last of the measured phases: it adds to Reporting's figures (group sessions reach
        // returnees), and nothing after it compares them.
        await PhaseAsync(Phases.GroupSessions, async () =>
        {
            var g = _results.GroupSessions = await ActivityIngestion.GroupSessionsAsync(services, 1001, _options.BatchRegistrations, _options.GroupSessions,
                _options.BatchSize, TimeSpan.FromSeconds(_options.BatchSeconds), _cancellationToken);
            return $"{g.Events.PerSecond:N0} events/s, {g.PeoplePerSecond:N0} participant checks/s";
        });
        await PhaseAsync(Phases.Trainings, async () =>
        {
            var t = _results.Trainings = await ActivityIngestion.TrainingsAsync(services, 5001, _options.Trainings, _options.BatchSize,
                TimeSpan.FromSeconds(_options.BatchSeconds), _cancellationToken);
            return $"{t.Events.PerSecond:N0} events/s ({t.PeoplePerSecond:N0} workers/s)";
        });

        // What one GET /indicators costs once everything is in: the polling above paid it every time.
        await PhaseAsync(Phases.Indicators, async () =>
        {
            var took = new List<double>();
            for (var i = 0; i < IndicatorCalls; i++) took.Add((await services.HeadlineAsync(_cancellationToken)).Took.TotalMilliseconds);
            _results.IndicatorCalls = new Latencies(took);
            return $"p50 {_results.IndicatorCalls.P50:0} ms";
        });
    }

    /// <summary>Runs one phase, meters its CPU, and turns anything that goes wrong into a reported problem.</summary>
    private Task MartenRoundAsync(string phase) =>
        PhaseAsync(phase, async () =>
        {
            var round = await MartenAppendBaseline.BatchedRoundAsync(_postgres, _options.MartenEvents,
                _options.MartenStreamsPerCommit, _options.MartenEventsPerStream, _cancellationToken);
            _results.MartenRounds.Add(round);
            return $"{round.PerSecond:N0} events/s";
        }, meter: false);

    /// <summary>
    /// The one-post-at-a-time phase again with Counselling, Training and Reporting paused, so that
    /// Intake's own cost shows apart from the share of the two cores they take while it ingests.
    /// Not a target figure: the targets are the phases above, with everything running. Returns
    /// what Reporting shows after it, or null where that is not known.
    /// </summary>
    private async Task<Dictionary<string, long>?> IntakeAloneAsync(Services services, Dictionary<string, long>? shown)
    {
        var others = _options.Pids.Where(p => p.Key != "Intake").Select(p => p.Value).ToList();
        if (shown is null || !_options.Pids.ContainsKey("Intake") || others.Count == 0) return shown;

        await MartenRoundAsync(Phases.MartenRoundBefore(Phases.IntakeAlone));
        BatchIngestion.Result? alone = null;
        var plan = BatchIngestion.Prepare(1003, _options.BatchRegistrations, _options.BatchSize);
        await PhaseAsync(Phases.IntakeAlone, async () =>
        {
            using (PausedProcesses.Pause(others))
                alone = await BatchIngestion.RunAsync(services, plan, 1, TimeSpan.FromSeconds(_options.BatchSeconds), _cancellationToken);
            return $"{alone.Events.PerSecond:N0} events/s";
        });
        _results.IntakeAlone = alone;
        if (alone is not { Finished: var finished, Events.Count: var count }) return null;

        await PhaseAsync(Phases.IntakeAloneCatchUp, async () =>
        {
            _results.IntakeAloneCatchUp = await UntilRegistrationsShownAsync(services, shown, count, finished);
            return $"{_results.IntakeAloneCatchUp.Elapsed.TotalSeconds:0.0} s after the last answer";
        });
        return _results.IntakeAloneCatchUp?.Values.ToDictionary();
    }

    /// <summary>Until Reporting shows what it showed before plus these new registrations, the last of them answered at <paramref name="finished"/>.</summary>
    private Task<ReportingWatch.Result> UntilRegistrationsShownAsync(Services services, IReadOnlyDictionary<string, long> before, long registrations, long finished) =>
        ReportingWatch.UntilShowsAsync(services, Headline.Plus(before, new Dictionary<string, long> { [IndicatorCodes.ReturneesRegistered] = registrations }),
            finished, CatchUpPoll, CatchUpTimeout, null, _cancellationToken);

    private async Task PhaseAsync(string name, Func<Task<string>> body, bool meter = true)
    {
        Log($"{name} …");
        var before = _cpu.Take();
        try
        {
            var outcome = await body();
            Log($"{name}: {outcome}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !_cancellationToken.IsCancellationRequested)
        {
            var what = e is BenchmarkFailure ? e.Message : $"{e.GetType().Name}: {e.Message}";
            _results.Problems.Add($"{name}: {what}");
            Log($"{name} FAILED: {what}");
        }
        finally
        {
            if (meter) _results.Cpu.Add((name, CpuUsage.Between(before, _cpu.Take())));
        }
    }

    private async Task ReadVersionsAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(_postgres);
            await connection.OpenAsync(_cancellationToken);
            _results.PostgresVersion = connection.PostgreSqlVersion.ToString();
            await using var ssl = new NpgsqlCommand("show ssl", connection);
            var settings = new NpgsqlConnectionStringBuilder(_postgres);
            // New connections pay for whatever is negotiated here; under a burst the pool opens many.
            _results.PostgresConnection = $"server ssl={await ssl.ExecuteScalarAsync(_cancellationToken)}; the services' connection string: " +
                                          $"SSL Mode={settings.SslMode}, GSS Encryption Mode={settings.GssEncryptionMode}, Max Pool Size={settings.MaxPoolSize}";
        }
        catch (NpgsqlException)
        {
            // The COPY phase will report it.
        }

        try
        {
            var management = new Uri(Environment.GetEnvironmentVariable("RabbitMq__ManagementUrl") ?? "http://127.0.0.1:15672");
            using var client = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
            var credentials = _rabbitMq.UserInfo is { Length: > 0 } info ? Uri.UnescapeDataString(info) : "guest:guest";
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
            var overview = JsonNode.Parse(await client.GetStringAsync("api/overview", _cancellationToken));
            _results.RabbitMqVersion = overview?["rabbitmq_version"]?.GetValue<string>();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            // Only the report's header misses it.
        }
    }

    private static void Log(string message) => Console.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} {message}");
}
