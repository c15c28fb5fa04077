using Npgsql;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.Benchmarks.Report;

/// <summary>
/// Who each PostgreSQL server process works for, from <c>pg_stat_activity</c>: a service's backends
/// by the application name its connections carry (<see cref="EventStoreExtensions.ApplicationName"/>),
/// the server's own processes (autovacuum, checkpointer, WAL writer, …) as maintenance, any other
/// client as other clients. On two shared cores PostgreSQL is the largest user of CPU, and the
/// services share it: this tells whose statements it ran.
/// </summary>
public sealed class PostgresOwners(string connectionString)
{
    public const string Maintenance = "maintenance (autovacuum, checkpointer, WAL writer)";
    public const string OtherClients = "other clients (this benchmark's own)";

    /// <summary>
    /// What the processes that ended within a phase used in their whole lives (autovacuum workers,
    /// closed connections): in the server's total, no longer in any process of their own.
    /// </summary>
    public const string Ended = "ended processes";

    private static readonly Dictionary<string, string> Services =
        ServiceIdentity.All.ToDictionary(EventStoreExtensions.ApplicationName, s => char.ToUpperInvariant(s.Name[0]) + s.Name[1..]);

    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "reintegration-benchmark-meter" }.ConnectionString);

    /// <summary>Each PostgreSQL process now running, with whom it works for and its CPU seconds so far; empty when the server cannot be asked.</summary>
    public IReadOnlyDictionary<int, PostgresProcess> Take()
    {
        var owners = new Dictionary<int, string>();
        try
        {
            using var command = _database.CreateCommand("select pid, coalesce(application_name, ''), coalesce(backend_type, '') from pg_stat_activity");
            using var reader = command.ExecuteReader();
            while (reader.Read()) owners[reader.GetInt32(0)] = OwnerOf(reader.GetString(1), reader.GetString(2));
        }
        catch (NpgsqlException)
        {
            return new Dictionary<int, PostgresProcess>();
        }

        var processes = new Dictionary<int, PostgresProcess>();
        foreach (var pid in ProcFs.PidsOfCommand("postgres"))
            if (ProcFs.CpuSeconds(pid) is { } seconds)
                processes[pid] = new PostgresProcess(owners.GetValueOrDefault(pid, Maintenance), seconds);
        return processes;
    }

    /// <summary>Seconds per owner between two takes, and what ended backends used (the server's total less everything attributed).</summary>
    public static Dictionary<string, double> Between(IReadOnlyDictionary<int, PostgresProcess> start, IReadOnlyDictionary<int, PostgresProcess> end, double serverTotal)
    {
        var seconds = end
            .GroupBy(p => p.Value.Owner)
            .ToDictionary(g => g.Key, g => g.Sum(p => Math.Max(0, p.Value.Seconds - (start.TryGetValue(p.Key, out var before) ? before.Seconds : 0))));
        if (seconds.Count > 0) seconds[Ended] = Math.Max(0, serverTotal - seconds.Values.Sum());
        return seconds;
    }

    private static string OwnerOf(string applicationName, string backendType) =>
        Services.TryGetValue(applicationName, out var service) ? service
        : backendType == "client backend" ? OtherClients
        : Maintenance;
}

/// <summary>One PostgreSQL process: whom it works for, and the CPU seconds it has used so far.</summary>
public sealed record PostgresProcess(string Owner, double Seconds);
