using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Reintegration.ServiceDefaults.Access;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// Who may call an endpoint, read from its metadata exactly as authorization reads it: anonymous
/// when it allows anonymous callers, else a bearer token with the scopes it requires. The OpenAPI
/// document is built from this, so what it promises partners cannot drift from what is enforced.
/// </summary>
public sealed record OperationAccess(bool Anonymous, bool RequiresToken, IReadOnlyList<string> Scopes)
{
    public static readonly OperationAccess Open = new(false, false, []);

    public static OperationAccess Of(IEnumerable<object> endpointMetadata)
    {
        var metadata = endpointMetadata.ToList();
        // The authorization middleware lets an endpoint with IAllowAnonymous through whatever else it carries.
        if (metadata.OfType<IAllowAnonymous>().Any()) return new(true, false, []);

        var scopes = metadata.OfType<RequiredScope>().Select(s => s.Scope).Distinct().Order(StringComparer.Ordinal).ToList();
        var requiresToken = scopes.Count > 0 || metadata.OfType<IAuthorizeData>().Any();
        return new(false, requiresToken, scopes);
    }

    /// <summary>
    /// The operation's security requirement: the bearer scheme with the scopes as its role names
    /// (OpenAPI 3.1 allows them for non-OAuth schemes); null when no token is needed.
    /// </summary>
    public OpenApiSecurityRequirement? Requirement(OpenApiDocument document) =>
        RequiresToken
            ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSecurityScheme.Name, document)] = Scopes.ToList() }
            : null;
}
