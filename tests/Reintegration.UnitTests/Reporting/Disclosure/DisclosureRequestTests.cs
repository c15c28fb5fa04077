using System.Security.Claims;
using Microsoft.Extensions.Options;
using Reintegration.Reporting.Disclosure;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.UnitTests.Reporting.Disclosure;

/// <summary>The <c>disclosure</c> parameter: public by default, detail only with <c>reports:detail</c>, anything else a 400.</summary>
public sealed class DisclosureRequestTests
{
    private static ClaimsPrincipal With(params string[] scopes) => new(new ClaimsIdentity([new Claim("scope", string.Join(' ', scopes))], "test"));

    [Theory]
    [InlineData(null, DisclosureMode.Public)]
    [InlineData("public", DisclosureMode.Public)]
    [InlineData("detail", DisclosureMode.Detail)]
    public void A_known_value_or_none_is_read(string? value, DisclosureMode expected)
    {
        var invalid = new Dictionary<string, string[]>();

        Assert.Equal(expected, DisclosureRequest.Read(value, invalid));
        Assert.Empty(invalid);
    }

    [Theory]
    [InlineData("Detail")]
    [InlineData("")]
    [InlineData("full")]
    public void Another_value_is_a_query_error_naming_the_parameter(string value)
    {
        var invalid = new Dictionary<string, string[]>();

        DisclosureRequest.Read(value, invalid);

        Assert.Equal(ProblemKind.InvalidQuery, Problem.Query(invalid)!.Kind);
        Assert.Contains("disclosure", invalid.Keys);
    }

    [Fact]
    public void Detail_without_reports_detail_is_refused_with_the_scope_named()
    {
        var refusal = DisclosureRequest.RefusalFor(DisclosureMode.Detail, With(Scopes.ReportsRead, Scopes.ReportsExport));

        Assert.Equal(ProblemKind.InsufficientScope, refusal!.Kind);
        Assert.Contains(Scopes.ReportsDetail, refusal.Detail);
    }

    [Fact]
    public void Detail_with_reports_detail_and_public_without_it_are_allowed()
    {
        Assert.Null(DisclosureRequest.RefusalFor(DisclosureMode.Detail, With(Scopes.ReportsRead, Scopes.ReportsDetail)));
        Assert.Null(DisclosureRequest.RefusalFor(DisclosureMode.Public, With(Scopes.ReportsRead)));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(0, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void A_threshold_below_two_is_refused_at_start(int threshold, bool accepted)
    {
        var result = new DisclosureOptionsValidator().Validate(Options.DefaultName, new DisclosureOptions { Threshold = threshold });

        Assert.Equal(accepted, result.Succeeded);
    }
}
