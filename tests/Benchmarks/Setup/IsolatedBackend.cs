using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Reintegration.Benchmarks.Setup;

/// <summary>
/// A database and a RabbitMQ virtual host that belong to one benchmark run. Others use the
/// <c>reintegration</c> database and the <c>/</c> vhost at the same time (a dev run, the tests):
/// sharing them would mix their load and data into the figures, and ours into their results.
/// </summary>
public sealed class IsolatedBackend(string name, string adminPostgres, Uri rabbitMq, Uri management)
{
    public string Name { get; } = name;

    /// <summary>The Npgsql connection string of the run's own database.</summary>
    public string Postgres => new NpgsqlConnectionStringBuilder(adminPostgres) { Database = Name }.ConnectionString;

    /// <summary>The AMQP URI of the run's own virtual host (the vhost is the URI's path).</summary>
    public string RabbitMq => new UriBuilder(rabbitMq) { Path = "/" + Name }.Uri.ToString();

    /// <summary>From the environment that build/lib/infra.sh exports.</summary>
    public static IsolatedBackend FromEnvironment(string name)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z][a-z0-9_]{0,62}$"))
            throw new ArgumentException($"'{name}' is not a plain lower-case identifier (it becomes a database name).", nameof(name));
        return new IsolatedBackend(
            name,
            Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? throw Missing("ConnectionStrings__Postgres"),
            new Uri(Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq") ?? throw Missing("ConnectionStrings__RabbitMq")),
            new Uri(Environment.GetEnvironmentVariable("RabbitMq__ManagementUrl") ?? "http://127.0.0.1:15672"));
    }

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAdminAsync($"create database {Name}", cancellationToken);
        using var client = Management();
        (await client.PutAsync($"api/vhosts/{Name}", null, cancellationToken)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await client.PutAsync($"api/permissions/{Name}/{Uri.EscapeDataString(User)}", permissions, cancellationToken)).EnsureSuccessStatusCode();
    }

    /// <summary>Drops both; what is already gone is not an error, so a second drop is harmless.</summary>
    public async Task DropAsync(CancellationToken cancellationToken)
    {
        using var client = Management();
        var vhost = await client.DeleteAsync($"api/vhosts/{Name}", cancellationToken);
        if (!vhost.IsSuccessStatusCode && vhost.StatusCode != System.Net.HttpStatusCode.NotFound) vhost.EnsureSuccessStatusCode();
        NpgsqlConnection.ClearAllPools();
        // WITH (FORCE): a service that did not stop in time still holds connections.
        await ExecuteAdminAsync($"drop database if exists {Name} with (force)", cancellationToken);
    }

    private string User => Uri.UnescapeDataString(rabbitMq.UserInfo.Split(':')[0]) is { Length: > 0 } user ? user : "guest";

    private HttpClient Management()
    {
        var credentials = rabbitMq.UserInfo is { Length: > 0 } info ? Uri.UnescapeDataString(info) : "guest:guest";
        var client = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client;
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        // The maintenance database: the run's own cannot be the one a CREATE/DROP runs in.
        var admin = new NpgsqlConnectionStringBuilder(adminPostgres) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static InvalidOperationException Missing(string variable) =>
        new($"{variable} is not set: run through build/bench.sh, which sources build/lib/infra.sh.");
}
