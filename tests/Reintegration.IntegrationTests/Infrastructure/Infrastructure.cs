using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests run against: those named by
/// <c>ConnectionStrings__Postgres</c> / <c>ConnectionStrings__RabbitMq</c> (build/test.sh starts
/// Debian's packages and sets them), otherwise containers started with Testcontainers where Docker
/// works. Started once per test run.
/// </summary>
public sealed record Infrastructure(string PostgresAdmin, Uri RabbitMq, Uri RabbitMqManagement)
{
    private static readonly Lazy<Task<Infrastructure>> Shared = new(StartAsync);

    public static Task<Infrastructure> GetAsync() => Shared.Value;

    private static async Task<Infrastructure> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        var rabbit = Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq");
        if (postgres is not null && rabbit is not null)
        {
            var rabbitUri = new Uri(rabbit);
            var management = Environment.GetEnvironmentVariable("RabbitMq__ManagementUrl") ?? $"http://{rabbitUri.Host}:15672";
            return new Infrastructure(postgres, rabbitUri, new Uri(management));
        }

        return await StartContainersAsync();
    }

    private static async Task<Infrastructure> StartContainersAsync()
    {
        try
        {
            var pg = new PostgreSqlBuilder("postgres:16-alpine").Build();
            var mq = new RabbitMqBuilder("rabbitmq:3.13-management").WithUsername("guest").WithPassword("guest")
                .WithPortBinding(15672, true).Build();
            await Task.WhenAll(pg.StartAsync(), mq.StartAsync());
            var admin = new NpgsqlConnectionStringBuilder(pg.GetConnectionString()) { Database = "postgres" }.ConnectionString;
            return new Infrastructure(admin, new Uri(mq.GetConnectionString()),
                new Uri($"http://{mq.Hostname}:{mq.GetMappedPublicPort(15672)}"));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                "No PostgreSQL/RabbitMQ: set ConnectionStrings__Postgres and ConnectionStrings__RabbitMq (build/test.sh does), or run where Docker works.", ex);
        }
    }
}
