using Reintegration.Benchmarks;
using Reintegration.Benchmarks.Setup;

// Commands: "run" measures and writes the report; "backend create|drop" gives build/bench.sh a
// database and vhost of its own without needing psql or curl on the machine; "keys" a signing
// key of its own for the services to trust (they run as Production and refuse the development key);
// "scale" Reporting at a million returnees, on a log the seeding command wrote; "replicas one|two"
// the end-to-end drain with one replica of each service, then with two (build/bench.sh starts the
// second ones in between); "faults" the fault drill's times to exact figures, into the report.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    switch (args)
    {
        case ["run", .. var rest]:
            return await BenchmarkRun.RunAsync(RunOptions.Parse(rest), cancel.Token);

        case ["backend", "create", var name]:
            var created = IsolatedBackend.FromEnvironment(name);
            await created.CreateAsync(cancel.Token);
            // Shell assignments for bash's eval; single quotes keep ';' and '&' literal.
            Console.WriteLine($"BENCH_POSTGRES='{created.Postgres.Replace("'", "'\\''")}'");
            Console.WriteLine($"BENCH_RABBITMQ='{created.RabbitMq.Replace("'", "'\\''")}'");
            return 0;

        case ["backend", "drop", var name]:
            await IsolatedBackend.FromEnvironment(name).DropAsync(cancel.Token);
            return 0;

        case ["keys", var directory]:
            var jwks = BenchmarkKey.Write(directory);
            Console.WriteLine($"BENCH_AUTH_ISSUER='{BenchmarkKey.Issuer}'");
            Console.WriteLine($"BENCH_AUTH_AUDIENCE='{BenchmarkKey.Audience}'");
            Console.WriteLine($"BENCH_AUTH_JWKS='{Path.GetFullPath(jwks).Replace("'", "'\\''")}'");
            return 0;

        case ["scale", .. var rest]:
            return await Reintegration.Benchmarks.Scale.ReportingAtScale.RunAsync(rest, cancel.Token);

        case ["replicas", "one" or "two", .. var rest]:
            return await Reintegration.Benchmarks.Replicas.ReplicaComparison.RunAsync(args[1], rest, cancel.Token);

        case ["faults", .. var rest]:
            return await Reintegration.Benchmarks.Faults.FaultDrillSection.RunAsync(rest, cancel.Token);

        case ["-h" or "--help" or "help"]:
            Console.WriteLine(RunOptions.Usage);
            return 0;

        default:
            Console.Error.WriteLine(RunOptions.Usage);
            return 2;
    }
}
catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
{
    // Bad options, or a set-up step (database, vhost) that could not be done: nothing was measured.
    Console.Error.WriteLine($"{e.GetType().Name}: {e.Message}");
    return 2;
}
