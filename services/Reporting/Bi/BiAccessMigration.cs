using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Bi;

public sealed class BiAccessOptions
{
    /// <summary>
    /// The password of <c>reporting_reader</c>. When set the role may log in with it; when not it is
    /// NOLOGIN, and an administrator grants a login role membership instead (docs/reporting-bi.md).
    /// </summary>
    public string? ReaderPassword { get; set; }
}

/// <summary>
/// Part of Reporting's migrations, after Marten's: the indexes of the indicators' own exact
/// queries, the schema <c>reporting_bi</c>, its views and the role <c>reporting_reader</c>, which may use that schema and select from its views and nothing
/// else. Idempotent; replicas starting together on one database take turns on an advisory lock,
/// and a role created at the same moment for another database of the cluster is retried.
/// </summary>
public sealed class BiAccessMigration(
    IDocumentStore store, ReportingDatabase database, IEnumerable<IIndicatorSource> sources, IOptions<BiAccessOptions> options, ILogger<BiAccessMigration> logger)
    : IHostedService
{
    public const string Reader = "reporting_reader";
    private const long LockId = 0x5265_7042_4941; // "RepBIA": this migration's lock, apart from Marten's

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateAsync(cancellationToken);
                return;
            }
            catch (PostgresException ex) when (attempt < 5 && ex.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.InternalError)
            {
                // Roles are the cluster's: another database's migration may be creating or altering it right now.
                logger.LogDebug("The BI access migration met a concurrent one ({SqlState}); trying again", ex.SqlState);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"select pg_advisory_xact_lock({LockId})", cancellationToken);
        // The indexes of the indicators' own exact queries, which Marten's table migrations do not describe.
        foreach (var source in sources)
            foreach (var index in source.Definitions.Select(d => d.ExactWindow?.Index(source.Tables)).OfType<string>())
                await ExecuteAsync(connection, index, cancellationToken);
        // Creating or altering a role needs CREATEROLE, which the service's own role lacks where
        // deploy/postgres/service-roles.psql made it (that script creates reporting_reader NOLOGIN):
        // so the role is created only when missing, and altered only when a password is configured.
        // Without one its login is left as an administrator set it (docs/reporting-bi.md).
        await ExecuteAsync(connection, $"""
            do $$ begin
              if not exists (select from pg_roles where rolname = '{Reader}') then create role {Reader} nologin; end if;
            end $$
            """, cancellationToken);
        if (options.Value.ReaderPassword is { Length: > 0 } password)
            await ExecuteAsync(connection,
                await ScalarAsync(connection, $"select format('alter role {Reader} with login password %L', $1::text)", password, cancellationToken),
                cancellationToken);
        // Not "create schema if not exists": PostgreSQL checks the database's CREATE privilege even when it exists.
        await ExecuteAsync(connection, $"do $$ begin if not exists (select from pg_namespace where nspname = '{BiViews.Schema}') then create schema {BiViews.Schema}; end if; end $$", cancellationToken);
        foreach (var (view, sql) in BiViews.Definitions)
            await ExecuteAsync(connection, $"create or replace view {BiViews.Schema}.{view} as {sql}", cancellationToken);
        await ExecuteAsync(connection, $"""
            revoke all on all tables in schema {BiViews.Schema} from {Reader};
            grant usage on schema {BiViews.Schema} to {Reader};
            grant select on all tables in schema {BiViews.Schema} to {Reader};
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql, string value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = value } } };
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

public static class BiAccessExtensions
{
    /// <summary>The BI views and their reader role, migrated at start-up; the password from <c>ReportingBi:ReaderPassword</c>.</summary>
    public static void AddBiAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<BiAccessOptions>(builder.Configuration.GetSection("ReportingBi"));
        builder.Services.AddHostedService<BiAccessMigration>();
    }
}
