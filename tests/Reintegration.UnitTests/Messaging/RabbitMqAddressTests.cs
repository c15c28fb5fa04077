using System.Security.Authentication;
using Microsoft.Extensions.Configuration;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.UnitTests.Messaging;

public sealed class RabbitMqAddressTests
{
    private static RabbitMqAddress Given(string connectionString) =>
        RabbitMqAddress.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = connectionString })
            .Build());

    [Fact]
    public void An_amqp_uri_without_a_port_connects_in_plain_amqp_to_5672()
    {
        var address = Given("amqp://user:secret@rabbitmq.internal/");

        Assert.False(address.UseTls);
        Assert.Equal(5672, address.Port);
        Assert.Equal("rabbitmq.internal", address.Host);
    }

    [Fact]
    public void An_amqps_uri_without_a_port_connects_with_tls_to_5671()
    {
        var address = Given("amqps://user:secret@rabbitmq.example.org/reintegration");

        Assert.True(address.UseTls);
        Assert.Equal(5671, address.Port);
    }

    [Theory]
    [InlineData("amqp://rabbitmq:5673/", 5673)]
    [InlineData("amqps://rabbitmq:5672/", 5672)]
    [InlineData("amqps://rabbitmq:15671/", 15671)]
    public void An_explicit_port_is_used_as_given(string uri, int port) =>
        Assert.Equal(port, Given(uri).Port);

    [Fact]
    public void The_scheme_is_read_without_regard_to_case() =>
        Assert.True(Given("AMQPS://rabbitmq.example.org/").UseTls);

    [Fact]
    public void An_amqps_address_turns_tls_on_for_the_broker_host_with_tls_1_2_or_1_3_only()
    {
        var ssl = Given("amqps://user:secret@rabbitmq.example.org/").Ssl;

        Assert.True(ssl.Enabled);
        Assert.Equal("rabbitmq.example.org", ssl.ServerName);
        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, ssl.Version);
    }

    [Fact]
    public void An_amqp_address_leaves_tls_off() =>
        Assert.False(Given("amqp://user:secret@127.0.0.1:5672/").Ssl.Enabled);

    [Theory]
    [InlineData("amqp://rabbitmq", "/")]
    [InlineData("amqp://rabbitmq/", "/")]
    [InlineData("amqp://rabbitmq/%2F", "/")]
    [InlineData("amqps://rabbitmq/reintegration", "reintegration")]
    [InlineData("amqps://rabbitmq:5671/bench%2Drun%201", "bench-run 1")]
    public void The_virtual_host_is_the_unescaped_path(string uri, string virtualHost) =>
        Assert.Equal(virtualHost, Given(uri).VirtualHost);

    [Fact]
    public void Credentials_are_unescaped_from_the_user_information()
    {
        var address = Given("amqps://intake%40programme:p%40ss%3Aw%2Frd@rabbitmq.example.org/");

        Assert.Equal("intake@programme", address.UserName);
        Assert.Equal("p@ss:w/rd", address.Password);
    }

    [Fact]
    public void Without_credentials_the_broker_default_guest_is_used()
    {
        var address = Given("amqp://127.0.0.1/");

        Assert.Equal("guest", address.UserName);
        Assert.Equal("guest", address.Password);
    }

    [Theory]
    [InlineData("http://rabbitmq:15672/")]
    [InlineData("rabbitmq.example.org")]
    [InlineData("")]
    public void A_connection_string_that_is_not_an_amqp_or_amqps_uri_is_refused(string connectionString)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Given(connectionString));

        Assert.Contains("amqps://", refused.Message);
    }

    [Fact]
    public void Without_a_connection_string_the_error_says_what_to_set()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => RabbitMqAddress.From(new ConfigurationBuilder().Build()));

        Assert.Contains("ConnectionStrings__RabbitMq", refused.Message);
    }
}
