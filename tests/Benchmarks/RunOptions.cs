using System.Globalization;

namespace Reintegration.Benchmarks;

/// <summary>
/// <c>run</c>'s options: where the services are, their process ids (for CPU and memory), where to
/// write the report, and the sizes of each phase (defaults keep build/bench.sh under five minutes).
/// </summary>
public sealed record RunOptions
{
    public Uri Intake { get; init; } = new("http://127.0.0.1:5301/");
    public Uri Counselling { get; init; } = new("http://127.0.0.1:5302/");
    public Uri Training { get; init; } = new("http://127.0.0.1:5303/");
    public Uri Reporting { get; init; } = new("http://127.0.0.1:5304/");
    public Dictionary<string, int> Pids { get; init; } = [];
    public string Output { get; init; } = "docs/benchmarks.md";
    public string? Logs { get; init; }
    public string Commit { get; init; } = "unknown";
    public string Backend { get; init; } = "?";
    public string? Keys { get; init; }

    public int CopyRows { get; init; } = 200_000;
    public int MartenEvents { get; init; } = 20_000;
    public int MartenStreamsPerCommit { get; init; } = 100;
    public int MartenEventsPerStream { get; init; } = 4;
    public int MartenSingleCommits { get; init; } = 1_000;
    public int BusMessages { get; init; } = 20_000;
    public int BusPage { get; init; } = 500;
    public int BatchRegistrations { get; init; } = 10_000;
    public int BatchSize { get; init; } = 500;
    public int BatchSeconds { get; init; } = 30;
    public int EndToEndReturnees { get; init; } = 3_000;
    public int SingleRate { get; init; } = 100;
    public int SingleSeconds { get; init; } = 20;
    public int Validations { get; init; } = 20_000;
    public int GroupSessions { get; init; } = 2_000;
    public int Trainings { get; init; } = 600;
    public int SealRegistrations { get; init; } = 12_000;

    public const string Usage = """
        Reintegration.Benchmarks run [options]       (build/bench.sh runs it; writes docs/benchmarks.md)
          --intake URL --counselling URL --training URL --reporting URL
          --pid NAME=PID         a service process, for CPU and resident memory (repeat)
          --logs DIR             the services' console logs, DIR/<name>.log, to summarise their warnings and errors
          --output PATH          the markdown report (docs/benchmarks.md)
          --commit TEXT          the commit measured, for the report
          --backend NAME         the run's database and vhost, for the report
          --keys DIR             the benchmark's signing key, written by "keys DIR" and trusted by the services (required)
          --copy-rows N (200000) --marten-events N (20000) --bus-messages N (20000)
          --batch-registrations N (10000 per concurrency level) --batch-seconds N (30: no new batch after)
          --e2e-returnees N (3000) --single-rate N (100/s) --single-seconds N (20)
          --validations N (20000 token validations of each kind, after a warm-up of at least 2 s)
          --group-sessions N (2000 of 20 participants, to Counselling) --trainings N (600 of 30 workers, to Training)
          --seal-registrations N (12000 Marten appends each way, sealed and plain, for the cost of encryption)
          Reads ConnectionStrings__Postgres and ConnectionStrings__RabbitMq: the run's own database and vhost.

        Reintegration.Benchmarks backend create|drop NAME
          Creates (printing shell assignments BENCH_POSTGRES=... BENCH_RABBITMQ=...) or drops a database and a
          RabbitMQ vhost named NAME, from ConnectionStrings__Postgres, ConnectionStrings__RabbitMq, RabbitMq__ManagementUrl.

        Reintegration.Benchmarks keys DIR
          Writes a new signing key of the benchmark's own (DIR/bench-signing-key.pem, DIR/bench-jwks.json, kid
          bench-<hex>, issuer urn:reintegration:benchmark) and prints shell assignments BENCH_AUTH_ISSUER=...
          BENCH_AUTH_AUDIENCE=... BENCH_AUTH_JWKS=... for the services' Auth__Issuer, Auth__Audience, Auth__SigningKeysFile.

        Reintegration.Benchmarks replicas one|two --intake URL[,URL] --counselling URL[,URL] --training URL[,URL] --reporting URL
                  --pid NAME=PID... --keys DIR --output PATH --state FILE --seed N [--returnees N (3000)] [--posts N (2 in flight per service)]
          After the backend settles, the end-to-end drain of a new programme; several URLs of a service: its batches round robin over them.
          "one" writes its figures to FILE; "two" reads them and appends the section "Two replicas of each service against one" to PATH.

        Reintegration.Benchmarks faults --table TIME-TO-EXACT.md --output PATH --exit N --results DIR [--log FILE]
          Appends the fault drill's table (written by the drill, which exited N; its files in DIR; dotnet test's output in FILE)
          to PATH, with summary rows.

        Exit code: 0 every phase ran and every result was right; 1 something was functionally wrong
        (a rejection, a wrong figure, a lost message); 2 bad options or set-up. Slowness never fails it.
        """;


    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RunOptions();
        var reader = new OptionReader(args);
        while (reader.MoveNext())
        {
            var name = reader.Name;
            string Value() => reader.Value();
            int Number() => reader.Number();

            options = name switch
            {
                "--intake" => options with { Intake = OptionReader.BaseUri(Value()) },
                "--counselling" => options with { Counselling = OptionReader.BaseUri(Value()) },
                "--training" => options with { Training = OptionReader.BaseUri(Value()) },
                "--reporting" => options with { Reporting = OptionReader.BaseUri(Value()) },
                "--pid" => options with { Pids = WithPid(options.Pids, reader.Pid()) },
                "--output" => options with { Output = Value() },
                "--logs" => options with { Logs = Value() },
                "--commit" => options with { Commit = Value() },
                "--backend" => options with { Backend = Value() },
                "--keys" => options with { Keys = Value() },
                "--copy-rows" => options with { CopyRows = Number() },
                "--marten-events" => options with { MartenEvents = Number() },
                "--bus-messages" => options with { BusMessages = Number() },
                "--batch-registrations" => options with { BatchRegistrations = Number() },
                "--batch-seconds" => options with { BatchSeconds = Number() },
                "--e2e-returnees" => options with { EndToEndReturnees = Number() },
                "--single-rate" => options with { SingleRate = Number() },
                "--single-seconds" => options with { SingleSeconds = Number() },
                "--validations" => options with { Validations = Number() },
                "--group-sessions" => options with { GroupSessions = Number() },
                "--trainings" => options with { Trainings = Number() },
                "--seal-registrations" => options with { SealRegistrations = Number() },
                _ => throw new FormatException($"Unknown option {name}."),
            };
        }

        if (options.Keys is null)
            throw new FormatException("--keys DIR is required: the services trust only the key \"keys DIR\" wrote there.");
        return options;
    }

    private static Dictionary<string, int> WithPid(Dictionary<string, int> pids, (string Name, int Pid) pid) =>
        new(pids) { [pid.Name] = pid.Pid };
}
