using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// A database and a RabbitMQ virtual host of its own for one test class, so that no test sees
/// another's events or messages; both are dropped afterwards.
/// </summary>
public sealed class IsolatedBackend : IAsyncDisposable
{
    private readonly Infrastructure _infrastructure;
    private readonly string _name = $"t_{Guid.NewGuid():N}";

    private IsolatedBackend(Infrastructure infrastructure) => _infrastructure = infrastructure;

    public string Postgres => new NpgsqlConnectionStringBuilder(_infrastructure.PostgresAdmin) { Database = _name }.ConnectionString;

    public string RabbitMq => new UriBuilder(_infrastructure.RabbitMq) { Path = "/" + _name }.Uri.ToString();

    public static async Task<IsolatedBackend> CreateAsync()
    {
        var backend = new IsolatedBackend(await Infrastructure.GetAsync());
        await backend.ExecuteAdminAsync($"create database {backend._name}");
        using var management = backend.Management();
        (await management.PutAsync($"api/vhosts/{backend._name}", null)).EnsureSuccessStatusCode();
        var user = backend._infrastructure.RabbitMq.UserInfo.Split(':')[0];
        (await management.PutAsync($"api/permissions/{backend._name}/{Uri.EscapeDataString(user)}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return backend;
    }

    /// <summary>Runs SQL in this backend's database (for assertions on what was stored).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs SQL in this backend's database as the superuser.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of every table of every schema of this database, as text (for scans of what is stored).</summary>
    public async Task<IReadOnlyList<(string Table, string Row)>> AllRowsAsync()
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
            "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        var rows = new List<(string, string)>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"select t::text from {table} t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add((table, reader.GetString(0)));
        }

        return rows;
    }

    /// <summary>The bodies of the messages waiting in every queue of this virtual host (left in place).</summary>
    public async Task<IReadOnlyList<(string Queue, string Body)>> QueuedMessagesAsync()
    {
        using var management = Management();
        var queues = System.Text.Json.Nodes.JsonNode.Parse(await management.GetStringAsync($"api/queues/{_name}"))!.AsArray();
        var messages = new List<(string, string)>();
        foreach (var queue in queues.Select(q => (string)q!["name"]!))
        {
            var response = await management.PostAsync($"api/queues/{_name}/{Uri.EscapeDataString(queue)}/get",
                new StringContent("""{"count":10000,"ackmode":"reject_requeue_true","encoding":"auto"}""", Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            foreach (var message in System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())
                messages.Add((queue, (string)message!["payload"]!));
        }

        return messages;
    }

    /// <summary>The messages waiting in one queue (left in place), each with its headers.</summary>
    public async Task<IReadOnlyList<(string Body, System.Text.Json.Nodes.JsonObject Headers)>> QueuedMessagesAsync(string queue)
    {
        using var management = Management();
        var response = await management.PostAsync($"api/queues/{_name}/{Uri.EscapeDataString(queue)}/get",
            new StringContent("""{"count":10000,"ackmode":"reject_requeue_true","encoding":"auto"}""", Encoding.UTF8, "application/json"));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return [];
        response.EnsureSuccessStatusCode();
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray()
            .Select(m => ((string)m!["payload"]!, m["properties"]?["headers"]?.AsObject() ?? []))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        using var management = Management();
        await management.DeleteAsync($"api/vhosts/{_name}");
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"drop database if exists {_name} with (force)");
    }

    private HttpClient Management()
    {
        var client = new HttpClient { BaseAddress = _infrastructure.RabbitMqManagement };
        var credentials = Uri.UnescapeDataString(_infrastructure.RabbitMq.UserInfo is { Length: > 0 } info ? info : "guest:guest");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return client;
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_infrastructure.PostgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
