using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Reintegration.ServiceDefaults.Access;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// Gives each operation that needs a token its security requirement (the bearer scheme and the
/// scope) and its 401 and 403 problem answers; anonymous operations get neither.
/// </summary>
public sealed class ScopeSecurityTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var access = OperationAccess.Of(context.Description.ActionDescriptor.EndpointMetadata);
        if (context.Document is not { } document || access.Requirement(document) is not { } requirement) return;

        BearerSecurityScheme.EnsureIn(document);
        operation.Security = [requirement];

        var problem = await ProblemSchemas.ProblemDetailsAsync(context, cancellationToken);
        operation.Responses ??= [];
        operation.Responses.TryAdd(StatusCodes.Status401Unauthorized.ToString(), ProblemSchemas.Response(
            "No bearer token, or one that is not valid (expired, wrong issuer or audience).", problem));
        var lacking = access.Scopes.Count == 0 ? "The token does not grant this operation." : $"The token lacks the scope {Named(access.Scopes)}.";
        var sourceBound = context.Description.ActionDescriptor.EndpointMetadata.OfType<SourceBound>().Any();
        operation.Responses.TryAdd(StatusCodes.Status403Forbidden.ToString(), ProblemSchemas.Response(
            sourceBound ? lacking + " Or the source acted for is not among the token's `sources` (nothing of it is stored)." : lacking, problem));

        if (access.Scopes.Count > 0)
            operation.Description = string.Join("\n\n", new[] { operation.Description, $"Requires scope {Named(access.Scopes)}." }.Where(d => !string.IsNullOrEmpty(d)));
    }

    private static string Named(IEnumerable<string> scopes) => string.Join(", ", scopes.Select(s => $"`{s}`"));
}
