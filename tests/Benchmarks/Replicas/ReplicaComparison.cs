using System.Globalization;
using System.Text.Json;
using Reintegration.Benchmarks.Report;
using Reintegration.Benchmarks.Scenarios;
using Reintegration.Benchmarks.Setup;

namespace Reintegration.Benchmarks.Replicas;

/// <summary>
/// Two replicas of each service against one, in the same run (issue 10, "Measured"): the
/// end-to-end drain of a new programme measured with the one replica of each service that ran
/// the whole benchmark (<c>replicas one</c>), then, after build/bench.sh has started a second
/// replica of each on ports of their own, a programme of the same size with a seed of its own
/// posted round robin per batch over both (<c>replicas two</c>), which appends the section to the
/// report. The first step's figures reach the second through a small JSON file, because between
/// them the shell starts the replicas.
/// </summary>
public static class ReplicaComparison
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(240);
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(100);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    public const int WarmUpReturnees = 40;

    /// <summary>One drain, as the section reports it; Problem is set when it was not exact (or did not run).</summary>
    public sealed record Measurement(
        int Replicas, int Seed, int Returnees, int PostsInFlight, int DistinctEvents, int PostedEvents, int Batches,
        double SettleSeconds, int WarmUps, double WarmUpSeconds, double PostingSeconds, double DrainedSeconds, double EventsPerSecond,
        string Before, string Shown, Dictionary<string, string> BatchesPerReplica,
        double WallSeconds, double? MachineBusy, double? LoadAverage, Dictionary<string, double> CpuSeconds, string? Problem);

    public sealed record Options(
        IReadOnlyList<Uri> Intake, IReadOnlyList<Uri> Counselling, IReadOnlyList<Uri> Training, Uri Reporting,
        Dictionary<string, int> Pids, string Keys, string Output, string State, int Seed, int Returnees, int Posts);

    /// <returns>0 when the drain (and, for "two", the one before it) was exact; 1 when not.</returns>
    public static async Task<int> RunAsync(string step, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = Parse(args);
        var measured = await MeasureAsync(options, cancellationToken);
        if (step == "one")
        {
            await File.WriteAllTextAsync(options.State, JsonSerializer.Serialize(measured, Json), cancellationToken);
            Log(measured.Problem is null
                ? $"one replica of each: {measured.DistinctEvents:N0} events exact after {measured.DrainedSeconds:0.0} s, {measured.EventsPerSecond:N0} events/s"
                : $"one replica of each: PROBLEM {measured.Problem}");
            return measured.Problem is null ? 0 : 1;
        }

        var one = File.Exists(options.State)
            ? JsonSerializer.Deserialize<Measurement>(await File.ReadAllTextAsync(options.State, cancellationToken))
            : null;
        Log(measured.Problem is null
            ? $"two replicas of each: {measured.DistinctEvents:N0} events exact after {measured.DrainedSeconds:0.0} s, {measured.EventsPerSecond:N0} events/s"
            : $"two replicas of each: PROBLEM {measured.Problem}");
        var (section, rows) = ReplicaSection.Write(one, measured);
        await ReportFile.AppendAsync(options.Output, section, rows, cancellationToken);
        Log($"section appended to {options.Output}");
        return one?.Problem is null && one is not null && measured.Problem is null ? 0 : 1;
    }

    private static async Task<Measurement> MeasureAsync(Options o, CancellationToken cancellationToken)
    {
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                       ?? throw new FormatException("Set ConnectionStrings__Postgres to the run's own database.");
        var rabbitMq = new Uri(Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq")
                               ?? throw new FormatException("Set ConnectionStrings__RabbitMq to the run's own vhost."));
        var management = new Uri(Environment.GetEnvironmentVariable("RabbitMq__ManagementUrl") ?? "http://127.0.0.1:15672");
        var token = BenchmarkKey.Mint(BenchmarkKey.Load(o.Keys), TimeSpan.FromHours(1));
        using var services = Services.RoundRobin(o.Intake, o.Counselling, o.Training, o.Reporting, token);
        var replicas = new[] { o.Intake.Count, o.Counselling.Count, o.Training.Count }.Max();
        var cpu = new CpuMeter(o.Pids);

        Quiescence.Result? settled = null;
        double settleSeconds = 0, warmUpSeconds = 0;
        EndToEndDrain.Result? drain = null;
        string? problem = null;
        var before = cpu.Take();
        try
        {
            // Whatever the phases before left in flight (the group sessions, the trainings) is in
            // Reporting's figures first, so that this drain's expectation is exact.
            settled = await Quiescence.UntilSettledAsync(services, postgres, rabbitMq, management, SettleTimeout, cancellationToken);
            settleSeconds = settled.Elapsed.TotalSeconds;
            // A replica's first requests pay for JIT and Marten's code generation (the main run's
            // warm-up keeps them out of its figures): a small programme through each replica alone
            // first, so every replica has served every path before the clock starts.
            var warmUpStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            var figures = settled.Figures;
            for (var r = 0; r < replicas; r++)
            {
                using var alone = Services.RoundRobin([o.Intake[r % o.Intake.Count]], [o.Counselling[r % o.Counselling.Count]],
                    [o.Training[r % o.Training.Count]], o.Reporting, token);
                figures = (await EndToEndDrain.RunAsync(alone, o.Seed + 100 + 10 * r, WarmUpReturnees, 1, figures, DrainPoll, DrainTimeout, cancellationToken))
                    .Shown.ToDictionary();
            }

            warmUpSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(warmUpStarted).TotalSeconds;
            settled = await Quiescence.UntilSettledAsync(services, postgres, rabbitMq, management, SettleTimeout, cancellationToken);
            settleSeconds += settled.Elapsed.TotalSeconds;
            Log($"{replicas} replica(s) of each: warmed up, settled at {Headline.Line(settled.Figures)}; posting seed {o.Seed}");
            before = cpu.Take();
            drain = await EndToEndDrain.RunAsync(services, o.Seed, o.Returnees, o.Posts, settled.Figures, DrainPoll, DrainTimeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            problem = e is BenchmarkFailure ? e.Message : $"{e.GetType().Name}: {e.Message}";
        }

        var usage = CpuUsage.Between(before, cpu.Take());
        var perReplica = services.Spread.Count > 0
            ? services.Spread.Select((s, i) => (Service: new[] { "Intake", "Counselling", "Training" }[i], Text: string.Join(" / ", s.Sent.Select(x => x.Requests.ToString(CultureInfo.InvariantCulture)))))
                .ToDictionary(x => x.Service, x => x.Text)
            : drain?.ByService.ToDictionary(x => x.Key.ToString(), x => x.Value.Batches.ToString(CultureInfo.InvariantCulture)) ?? [];
        return new Measurement(
            replicas, o.Seed, o.Returnees, o.Posts, drain?.DistinctEvents ?? 0, drain?.PostedEvents ?? 0, drain?.Batches ?? 0,
            settleSeconds, replicas, warmUpSeconds, drain?.Posting.TotalSeconds ?? 0, drain?.Drained.TotalSeconds ?? 0, drain?.Events.PerSecond ?? 0,
            settled is null ? "?" : Headline.Line(settled.Figures), drain is null ? "?" : Headline.Line(drain.Shown), perReplica,
            // CPU only of a drain that ran: otherwise it would be the settling's, under the drain's name.
            drain is null ? 0 : usage.Wall.TotalSeconds, drain is null ? null : usage.MachineBusy, drain is null ? null : usage.LoadAverage,
            drain is null ? [] : usage.Seconds.ToDictionary(), problem);
    }

    private static Options Parse(IReadOnlyList<string> args)
    {
        List<Uri>? intake = null, counselling = null, training = null;
        Uri? reporting = null;
        var pids = new Dictionary<string, int>();
        string? keys = null, output = null, state = null;
        int seed = 0, returnees = 3_000, posts = 2;
        var reader = new OptionReader(args);
        while (reader.MoveNext())
        {
            var name = reader.Name;
            string Value() => reader.Value();
            int Number() => reader.Number();
            switch (name)
            {
                case "--intake": intake = reader.BaseUris(); break;
                case "--counselling": counselling = reader.BaseUris(); break;
                case "--training": training = reader.BaseUris(); break;
                case "--reporting": reporting = OptionReader.BaseUri(Value()); break;
                case "--pid":
                    var (process, pid) = reader.Pid();
                    pids[process] = pid;
                    break;
                case "--keys": keys = Value(); break;
                case "--output": output = Value(); break;
                case "--state": state = Value(); break;
                case "--seed": seed = Number(); break;
                case "--returnees": returnees = Number(); break;
                case "--posts": posts = Number(); break;
                default: throw new FormatException($"Unknown option {name}.");
            }
        }

        return new Options(
            intake ?? throw Missing("--intake"), counselling ?? throw Missing("--counselling"), training ?? throw Missing("--training"),
            reporting ?? throw Missing("--reporting"), pids, keys ?? throw Missing("--keys"), output ?? throw Missing("--output"),
            state ?? throw Missing("--state"), seed > 0 ? seed : throw Missing("--seed"), returnees, posts);
    }

    private static FormatException Missing(string option) => new($"{option} is required.");

    private static void Log(string message) => Console.WriteLine($"[bench] {DateTime.UtcNow:HH:mm:ss} {message}");
}
