using System.Security.Cryptography;
using System.Text;
using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Messaging;
using Weasel.Core;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// The service's Marten store: its own schema and connection string, lightweight sessions, and
/// the async daemon in HotCold mode so that, across replicas, each projection and subscription
/// has exactly one runner.
/// </summary>
public static class EventStoreExtensions
{
    /// <param name="applicationAssemblyMarker">
    /// A type of the service's own assembly. JasperFx fixes one "application assembly" per process
    /// at the first host; naming it explicitly keeps several services in one test process apart.
    /// </param>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore(
        this IHostApplicationBuilder builder, Type applicationAssemblyMarker, Action<StoreOptions> configure)
    {
        var service = builder.Services.GetServiceIdentity();
        builder.Services.CritterStackDefaults(x => x.ApplicationAssembly = applicationAssemblyMarker.Assembly);

        return builder.Services.AddMarten(services =>
            {
                var options = new StoreOptions();
                options.Logger(new RaceAwareMartenLogger(services.GetRequiredService<ILoggerFactory>().CreateLogger<IDocumentStore>()));
                // The store's connections only: Reporting's indicator queries (ReportingDatabase)
                // were measured at a million returnees with the server's own planner costs.
                options.Connection(PlannerSettings.Apply(ConnectionString(builder.Configuration, service), builder.Configuration));
                options.DatabaseSchemaName = service.Schema;
                options.Events.DatabaseSchemaName = service.Schema;
                // Camel case through Marten itself, so that LINQ queries use the same JSON names as the stored documents.
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                // Each event's headers hold the W3C trace context of the span that appended it
                // (Telemetry/TraceContext.cs): the daemon's publisher and projections continue it.
                options.Events.MetadataConfig.HeadersEnabled = true;
                // Services may share one database: each needs its own schema-migration lock (or
                // services starting together on an empty database time out waiting for each
                // other) and its own daemon leadership lock.
                options.ApplyChangesLockId = LockIdFor(service, "migrations");
                options.Projections.DaemonLockId = LockIdFor(service, "daemon");
                options.Projections.LeadershipPollingTime = builder.Configuration.GetValue("Daemon:LeadershipPollingMilliseconds", 2_000);
                options.Projections.HealthCheckPollingTime = TimeSpan.FromSeconds(builder.Configuration.GetValue("Daemon:HealthCheckPollingSeconds", 2.0));
                options.Projections.AgentPauseTime = TimeSpan.FromSeconds(builder.Configuration.GetValue("Daemon:AgentPauseSeconds", 2.0));
                options.Schema.For<IngestionRecord>();
                // An erasure drops the returnee's claims by owner: indexed, or it scans every claim.
                options.Schema.For<UniqueClaim>().Index(c => c.Owner);
                options.Schema.For<HandledMessage>().Index(h => h.HandledAt);
                options.UseStreamAppends();
                configure(options);
                return options;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
    }

    /// <summary>
    /// <c>ConnectionStrings:{service}</c> when a deployment gives the service its own database, else
    /// <c>ConnectionStrings:Postgres</c>; named for the service (<see cref="NamedFor"/>).
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, ServiceIdentity service) =>
        NamedFor(
            configuration.GetConnectionString(service.Name)
            ?? configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException(
                $"Set ConnectionStrings__Postgres (or ConnectionStrings__{service.Name}) to the PostgreSQL connection string."),
            service);

    /// <summary>
    /// The connection string with the service's <see cref="ApplicationName"/>, unless the deployment
    /// set one: services that share a database (and one login, as on a developer's machine) are then
    /// told apart in <c>pg_stat_activity</c>, in lock waits and in the server's log (<c>%a</c>), and
    /// the benchmark counts PostgreSQL's CPU per service.
    /// </summary>
    public static string NamedFor(string connectionString, ServiceIdentity service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.ApplicationName)) return connectionString;
        builder.ApplicationName = ApplicationName(service);
        return builder.ConnectionString;
    }

    /// <summary>What a service's connections call themselves: <c>reintegration-intake</c> and so on.</summary>
    public static string ApplicationName(ServiceIdentity service) => $"reintegration-{service.Name}";

    private static int LockIdFor(ServiceIdentity service, string purpose) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"reintegration-{purpose}-{service.Schema}"))) & 0x7FFF_FFFF;

    internal static ServiceIdentity GetServiceIdentity(this IServiceCollection services) =>
        services.FirstOrDefault(d => d.ServiceType == typeof(ServiceIdentity))?.ImplementationInstance as ServiceIdentity
        ?? throw new InvalidOperationException("Call AddServiceDefaults before adding the event store or messaging.");
}
