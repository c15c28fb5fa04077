using Microsoft.Extensions.Configuration;
using Npgsql;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Xunit;

namespace Reintegration.UnitTests.EventStore;

public sealed class ConnectionNameTests
{
    private const string Shared = "Host=127.0.0.1;Username=postgres;Database=reintegration";

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static NpgsqlConnectionStringBuilder Parsed(string connectionString) => new(connectionString);

    [Fact]
    public void Given_a_shared_connection_string_when_each_service_takes_it_then_each_names_its_connections_for_itself()
    {
        var configuration = Configuration(("ConnectionStrings:Postgres", Shared));

        var names = ServiceIdentity.All.Select(s => Parsed(EventStoreExtensions.ConnectionString(configuration, s)).ApplicationName).ToList();

        Assert.Equal(["reintegration-intake", "reintegration-counselling", "reintegration-training", "reintegration-reporting"], names);
        Assert.All(ServiceIdentity.All, s => Assert.Equal("reintegration", Parsed(EventStoreExtensions.ConnectionString(configuration, s)).Database));
    }

    [Fact]
    public void Given_a_deployment_that_names_a_services_connections_when_taken_then_its_name_is_kept()
    {
        var configuration = Configuration(("ConnectionStrings:Postgres", Shared), ("ConnectionStrings:intake", Shared + ";Application Name=intake-blue"));

        Assert.Equal("intake-blue", Parsed(EventStoreExtensions.ConnectionString(configuration, ServiceIdentity.Intake)).ApplicationName);
        Assert.Equal("reintegration-reporting", Parsed(EventStoreExtensions.ConnectionString(configuration, ServiceIdentity.Reporting)).ApplicationName);
    }
}
