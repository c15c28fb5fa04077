using System.Diagnostics;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Fault.Drill;

/// <summary>
/// Where the drill runs: the checkout (for the services' Release builds), the fault stage's own
/// PostgreSQL and RabbitMQ (<c>build/lib/fault-infra.sh</c>, which <c>build/test.sh --fault-only</c>
/// brings up and names in <c>FAULT_INFRA_SCRIPT</c>), and where results go. The drill restarts that
/// PostgreSQL and stops that broker: it refuses to run on anything else.
/// </summary>
public static class DrillEnvironment
{
    public static string Root => Repository.Root;

    public static string Results { get; } = Environment.GetEnvironmentVariable("FAULT_RESULTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Root, "TestResults", "faults");

    public static string InfraScript => Environment.GetEnvironmentVariable("FAULT_INFRA_SCRIPT") is { Length: > 0 } script
        ? script
        : throw new InvalidOperationException(
            "FAULT_INFRA_SCRIPT is not set: the fault drill restarts PostgreSQL and stops RabbitMQ, so it runs only on the private " +
            "instances of build/lib/fault-infra.sh. Run it with build/test.sh --fault-only.");

    public static string Postgres => Required("ConnectionStrings__Postgres");
    public static string RabbitMq => Required("ConnectionStrings__RabbitMq");
    public static string ManagementUrl => Required("RabbitMq__ManagementUrl");

    /// <summary>How long RabbitMQ stays stopped: <c>FAULT_BROKER_OUTAGE_SECONDS</c>, 30 by default.</summary>
    public static TimeSpan BrokerOutage { get; } =
        TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("FAULT_BROKER_OUTAGE_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 30);

    /// <summary>How long PostgreSQL stays down in its restart: <c>FAULT_POSTGRES_DOWN_SECONDS</c>, 10 by default.</summary>
    public static TimeSpan PostgresDown { get; } =
        TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("FAULT_POSTGRES_DOWN_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 10);

    /// <summary>Returnees per scenario's programme: <c>FAULT_RETURNEES</c>, 200 by default.</summary>
    public static int Returnees { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("FAULT_RETURNEES"), out var n) ? n : 200;

    /// <summary>Runs <c>fault-infra.sh COMMAND</c> (postgres-stop, postgres-start, rabbitmq-stop, rabbitmq-start).</summary>
    public static async Task InfraAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(InfraScript);
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"fault-infra.sh {command} failed (exit {process.ExitCode}): {await stderr}{await stdout}");
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the drill with build/test.sh --fault-only.");
}
