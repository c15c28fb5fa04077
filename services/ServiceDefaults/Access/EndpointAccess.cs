using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reintegration.ServiceDefaults.Access;

/// <summary>The scope an endpoint needs, as endpoint metadata: read by authorization, OpenAPI and the start-up guard.</summary>
public sealed record RequiredScope(string Scope);

/// <summary>Where a source-bound endpoint takes the partner source it acts for.</summary>
public enum SourceLocation
{
    /// <summary>The <c>source</c> attribute of each posted CloudEvent.</summary>
    CloudEvent,

    /// <summary>The <c>source</c> query parameter (optional when the token speaks for one source only).</summary>
    Query,
}

/// <summary>Marks an endpoint that acts as a partner source: the source must be one of the token's <c>sources</c>.</summary>
public sealed record SourceBound(SourceLocation Location);

public static class EndpointAccessExtensions
{
    /// <summary>This endpoint needs <paramref name="scope"/>; without it the caller gets 403 (401 without a valid token).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder
    {
        if (!Scopes.All.Contains(scope)) throw new ArgumentException($"'{scope}' is not a scope of the catalogue", nameof(scope));
        builder.WithMetadata(new RequiredScope(scope));
        return builder.RequireAuthorization(Scopes.PolicyFor(scope));
    }

    /// <summary>This endpoint acts as a partner source, taken from <paramref name="location"/>.</summary>
    public static TBuilder BindsSource<TBuilder>(this TBuilder builder, SourceLocation location) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SourceBound(location));
}
