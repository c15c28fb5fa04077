using Reintegration.Reporting.Dashboard;

namespace Reintegration.UnitTests.Reporting;

/// <summary>Where the dashboard signs its readers in, and what its content security policy lets it reach.</summary>
public sealed class DashboardSettingsTests
{
    private const string ApiProvider = "https://id.example.org/realms/reintegration";

    [Fact]
    public void Given_no_provider_of_its_own_when_the_api_has_one_then_the_page_signs_in_there()
    {
        var config = DashboardConfig.From(new DashboardOptions { ClientId = "dashboard" }, ApiProvider);

        Assert.Equal(new DashboardConfig(ApiProvider, "dashboard", "openid reports:read"), config);
    }

    [Fact]
    public void Given_a_provider_of_its_own_then_it_wins_over_the_apis()
    {
        var config = DashboardConfig.From(new DashboardOptions { Authority = "https://login.example.org/tenant/v2.0", ClientId = "dashboard" }, ApiProvider);

        Assert.Equal("https://login.example.org/tenant/v2.0", config.Authority);
    }

    [Fact]
    public void Given_blank_settings_as_an_unset_variable_leaves_them_then_the_page_has_no_sign_in()
    {
        var config = DashboardConfig.From(new DashboardOptions { Authority = " ", ClientId = "" }, "");

        Assert.Null(config.Authority);
        Assert.Null(config.ClientId);
    }

    [Fact]
    public void Given_a_provider_then_the_policy_lets_the_page_reach_its_origin_and_nothing_else_outside()
    {
        var policy = PageSecurityHeaders.ContentSecurityPolicy(PageSecurityHeaders.OriginOf(ApiProvider));

        Assert.Contains("connect-src 'self' https://id.example.org;", policy);
        Assert.Equal(1, policy.Split(' ').Count(part => part.StartsWith("https:", StringComparison.Ordinal)));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("style-src 'self';", policy);
        Assert.DoesNotContain("unsafe", policy);
    }

    [Fact]
    public void Given_no_provider_then_the_page_reaches_its_own_origin_only()
    {
        var policy = PageSecurityHeaders.ContentSecurityPolicy(PageSecurityHeaders.OriginOf(null));

        Assert.Contains("connect-src 'self';", policy);
        Assert.DoesNotContain("http", policy);
    }

    [Fact]
    public void The_origin_of_a_provider_keeps_its_port_and_drops_its_path()
    {
        Assert.Equal("http://127.0.0.1:8081", PageSecurityHeaders.OriginOf("http://127.0.0.1:8081/realms/dev"));
        Assert.Null(PageSecurityHeaders.OriginOf("not a url"));
    }
}
