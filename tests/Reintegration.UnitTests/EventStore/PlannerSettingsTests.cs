using Microsoft.Extensions.Configuration;
using Npgsql;
using Reintegration.ServiceDefaults.EventStore;
using Xunit;

namespace Reintegration.UnitTests.EventStore;

public sealed class PlannerSettingsTests
{
    private const string Plain = "Host=127.0.0.1;Username=intake;Database=reintegration";

    private static IConfiguration Configuration(string? cost = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(cost is null ? [] : [new("Database:RandomPageCost", cost)]).Build();

    private static string? OptionsOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Options;

    [Fact]
    public void Given_no_setting_when_applied_then_the_connection_prices_random_reads_for_SSDs()
    {
        var applied = PlannerSettings.Apply(Plain, Configuration());

        Assert.Equal("-c random_page_cost=1.1", OptionsOf(applied));
        Assert.Equal("intake", new NpgsqlConnectionStringBuilder(applied).Username);
    }

    [Fact]
    public void Given_a_configured_cost_when_applied_then_that_cost_is_used_after_the_deployments_own_options()
    {
        var applied = PlannerSettings.Apply(Plain + ";Options=-c statement_timeout=30000", Configuration("1.5"));

        Assert.Equal("-c statement_timeout=30000 -c random_page_cost=1.5", OptionsOf(applied));
    }

    [Fact]
    public void Given_zero_when_applied_then_the_servers_own_setting_is_left()
    {
        Assert.Equal(Plain, PlannerSettings.Apply(Plain, Configuration("0")));
    }

    [Fact]
    public void Given_a_connection_string_that_sets_it_when_applied_then_it_is_left_as_it_is()
    {
        var own = Plain + ";Options=-c random_page_cost=2";

        Assert.Equal(own, PlannerSettings.Apply(own, Configuration()));
    }
}
