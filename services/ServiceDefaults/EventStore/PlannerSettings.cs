using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// PostgreSQL planner settings the services' connections carry. PostgreSQL prices a random page
/// read at 4 (spinning disks); at that price the daemon's page load (a range of
/// <c>mt_events</c> joined to <c>mt_streams</c>) is planned as a hash join over a sequential scan of
/// every stream, growing with every returnee, where an index lookup per event costs a third of it.
/// Measured over short <c>build/bench.sh</c> runs (21,000 Intake events, pg_stat_statements):
/// Intake's page loads took 3.50 s at 4 and 0.78–0.93 s at 1.1, the usual figure for SSD and
/// cloud storage.
/// <c>Database:RandomPageCost</c> sets another value; 0 leaves the server's own.
/// </summary>
public static class PlannerSettings
{
    public const double DefaultRandomPageCost = 1.1;

    public static string Apply(string connectionString, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var cost = configuration.GetValue("Database:RandomPageCost", DefaultRandomPageCost);
        if (cost <= 0) return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // A deployment that already sets it in the connection string keeps its own.
        if (builder.Options?.Contains("random_page_cost", StringComparison.Ordinal) == true) return connectionString;
        builder.Options = $"{builder.Options} -c random_page_cost={cost.ToString(CultureInfo.InvariantCulture)}".Trim();
        return builder.ConnectionString;
    }
}
