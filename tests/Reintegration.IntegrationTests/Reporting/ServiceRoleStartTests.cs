using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Npgsql;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Xunit;

namespace Reintegration.IntegrationTests.ReportingFacts;

/// <summary>
/// Reporting starts as the role <c>deploy/postgres/service-roles.psql</c> makes for it (what
/// build/run.sh and the compose file use): no superuser, no CREATEROLE, no CREATE on the database.
/// Its migrations once needed both, and the README's first command failed on a fresh machine.
/// </summary>
public sealed class ServiceRoleStartTests
{
    [Fact]
    public async Task Reporting_starts_and_serves_as_its_own_role_on_a_database_prepared_by_the_deployment_script()
    {
        await using var backend = await IsolatedBackend.CreateAsync();
        var role = $"t_reporting_{Guid.NewGuid():N}"[..28];
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await RunServiceRolesScriptAsync(backend, role, password);
        try
        {
            Assert.False(await backend.ScalarAsync<bool>($"select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = '{role}'"));
            var connection = new NpgsqlConnectionStringBuilder(backend.Postgres) { Username = role, Password = password }.ConnectionString;
            await using (var reporting = new ServiceHost<ReportingService>(backend, new Dictionary<string, string>
            {
                ["ConnectionStrings:Reporting"] = connection,
                // No password: the migration must not need to alter the role (the script made it).
                ["ReportingBi:ReaderPassword"] = "",
            }))
            {
                using var client = reporting.CreateClient();

                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/indicators")).StatusCode);
            }

            Assert.Equal(role, await backend.ScalarAsync<string>("select viewowner::text from pg_views where schemaname = 'reporting_bi' and viewname = 'returnees'"));
            Assert.True(await backend.ScalarAsync<bool>("select has_table_privilege('reporting_reader', 'reporting_bi.returnees', 'select')"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await backend.ExecuteAsync($"drop owned by {role} cascade; drop role {role}");
        }
    }

    private static async Task RunServiceRolesScriptAsync(IsolatedBackend backend, string role, string password)
    {
        var admin = new NpgsqlConnectionStringBuilder(backend.Postgres);
        var start = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "-X", "-q", "-h", admin.Host!, "-p", admin.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", admin.Username!,
                     "-d", admin.Database!, "-v", $"role={role}", "-v", "service=reporting", "-f", Path.Combine(Repository.Root, "deploy", "postgres", "service-roles.psql"),
                 })
            start.ArgumentList.Add(argument);
        start.Environment["PGPASSWORD"] = admin.Password;
        start.Environment["REINTEGRATION_ROLE_PASSWORD"] = password;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("This test runs deploy/postgres/service-roles.psql with psql: install PostgreSQL's client (apt-get install postgresql-client).", ex);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"service-roles.psql exited {process.ExitCode}: {await errors}");
        }
    }
}
