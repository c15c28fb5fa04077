using Npgsql;
using Reintegration.IntegrationTests.Infrastructure;
using Xunit;
using static Reintegration.IntegrationTests.ReportingFacts.ReportingLogProgramme;

namespace Reintegration.IntegrationTests.ReportingFacts;

/// <summary>
/// The role <c>reporting_reader</c>, connecting as a BI tool would: it reads every view of
/// <c>reporting_bi</c>, pseudonymous rows only, and is refused Reporting's own tables, other
/// schemas and any write.
/// </summary>
public sealed class BiReaderTests(ReadModelTests.Fixture fixture) : IClassFixture<ReadModelTests.Fixture>
{
    public const string Password = "bi-reader-test-password";

    private static readonly string[] Views =
        ["returnees", "sessions", "group_sessions", "assessments", "referrals", "trainings", "workers", "awareness_events", "workshops", "closures"];

    [Fact]
    public async Task The_reader_reads_every_view()
    {
        await using var reader = await ConnectAsReaderAsync();

        // Every column of every row evaluated (a count alone would not compute them).
        foreach (var view in Views) await ScalarAsync<long>(reader, $"select count(v::text) from reporting_bi.{view} v");
        Assert.Equal(2L, await ScalarAsync<long>(reader, "select count(*) from reporting_bi.returnees"));
        Assert.Equal(2L, await ScalarAsync<long>(reader, "select count(*) from reporting_bi.sessions"));
        Assert.Equal("kita", await ScalarAsync<string>(reader, $"select region from reporting_bi.sessions where returnee_id = '{Aminata}' limit 1"));
        Assert.Equal(3L, await ScalarAsync<long>(reader, "select count(*) from reporting_bi.workers"));
        Assert.Equal(2L, await ScalarAsync<long>(reader, "select count(*) from reporting_bi.awareness_events"));
        // Never screened: no vulnerabilities, not an error for the whole view.
        Assert.Equal(0, await ScalarAsync<int>(reader, $"select cardinality(vulnerabilities) from reporting_bi.returnees where returnee_id = '{Oumar}'"));
    }

    [Fact]
    public async Task The_views_show_nobody_unregistered_and_nothing_of_an_erased_returnee()
    {
        await using var reader = await ConnectAsReaderAsync();

        foreach (var view in new[] { "returnees", "sessions", "assessments", "referrals", "closures" })
        {
            Assert.Equal(0L, await ScalarAsync<long>(reader, $"select count(*) from reporting_bi.{view} where returnee_id = '{NotYetRegistered}'"));
            Assert.Equal(0L, await ScalarAsync<long>(reader, $"select count(*) from reporting_bi.{view} where returnee_id = '{Moussa}'"));
        }
    }

    [Theory]
    [InlineData("select count(*) from reporting.returnee_facts_cells")]
    [InlineData("select count(*) from reporting.returnee_facts_rows")]
    [InlineData("select count(*) from reporting.mt_events")]
    [InlineData("select count(*) from reporting.mt_doc_returneejourney")]
    [InlineData("select count(*) from public.bi_reader_canary")]
    [InlineData("delete from reporting_bi.returnees")]
    [InlineData("create table reporting_bi.mine (x int)")]
    [InlineData("create table public.mine (x int)")]
    public async Task The_reader_is_refused_anything_else(string sql)
    {
        await using (var admin = new NpgsqlConnection(fixture.System.Backend.Postgres))
        {
            await admin.OpenAsync();
            await using var canary = new NpgsqlCommand("create table if not exists public.bi_reader_canary (x int)", admin);
            await canary.ExecuteNonQueryAsync();
        }

        await using var reader = await ConnectAsReaderAsync();
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<object>(reader, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task The_reader_holds_no_write_privilege_on_any_view()
    {
        await using var reader = await ConnectAsReaderAsync();

        foreach (var view in Views)
            foreach (var privilege in new[] { "INSERT", "UPDATE", "DELETE", "TRUNCATE" })
                Assert.False(await ScalarAsync<bool>(reader, $"select has_table_privilege('reporting_bi.{view}', '{privilege}')"), $"{privilege} on {view}");
    }

    private async Task<NpgsqlConnection> ConnectAsReaderAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(fixture.System.Backend.Postgres)
        {
            Username = "reporting_reader", Password = Password, Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
