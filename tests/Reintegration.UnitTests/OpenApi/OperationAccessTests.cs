using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.OpenApi;

namespace Reintegration.UnitTests.OpenApi;

/// <summary>The OpenAPI document's security requirements come from the same endpoint metadata authorization reads.</summary>
public sealed class OperationAccessTests
{
    private static readonly OpenApiDocument Document = new();

    [Fact]
    public void A_scoped_endpoint_requires_the_bearer_scheme_with_its_scope()
    {
        var access = OperationAccess.Of([new RequiredScope(Scopes.EventsWrite), new AuthorizeAttribute(Scopes.PolicyFor(Scopes.EventsWrite))]);

        var requirement = Assert.Single(access.Requirement(Document)!);
        Assert.Equal(BearerSecurityScheme.Name, requirement.Key.Reference.Id);
        Assert.Equal([Scopes.EventsWrite], requirement.Value);
    }

    [Fact]
    public void An_endpoint_needing_two_scopes_names_both_once_in_order()
    {
        var access = OperationAccess.Of([new RequiredScope(Scopes.ReportsRead), new RequiredScope(Scopes.ReportsExport), new RequiredScope(Scopes.ReportsRead)]);

        Assert.Equal([Scopes.ReportsExport, Scopes.ReportsRead], Assert.Single(access.Requirement(Document)!).Value);
    }

    [Fact]
    public void An_anonymous_endpoint_has_no_requirement_even_with_a_scope() =>
        Assert.Null(OperationAccess.Of([new RequiredScope(Scopes.Operations), new AllowAnonymousAttribute()]).Requirement(Document));

    [Fact]
    public void An_endpoint_that_only_requires_authentication_needs_a_token_without_a_scope()
    {
        var access = OperationAccess.Of([new AuthorizeAttribute()]);

        Assert.True(access.RequiresToken);
        Assert.Empty(Assert.Single(access.Requirement(Document)!).Value);
    }

    [Fact]
    public void An_endpoint_without_access_metadata_has_no_requirement() =>
        Assert.Null(OperationAccess.Of([new object()]).Requirement(Document));
}
