using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// Declares the catalogue's access: an OAuth 2.0 access token (a JWT) sent as a bearer token.
/// Plain HTTP bearer rather than an OAuth 2.0 flow, because each deployment brings its own
/// identity provider and the reference page only needs a field to paste a token into.
/// </summary>
public sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public const string Name = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        EnsureIn(document);
        return Task.CompletedTask;
    }

    /// <summary>Adds the scheme once; operation transformers call it too, so their references resolve.</summary>
    public static void EnsureIn(OpenApiDocument document)
    {
        if (document.Components?.SecuritySchemes?.ContainsKey(Name) == true) return;
        document.AddComponent<IOpenApiSecurityScheme>(Name, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An OAuth 2.0 access token (a JWT) from the deployment's identity provider. Each operation names the scope it needs; "
                + "`events:write` speaks only for the sources listed in the token's `sources` claim.",
        });
    }
}
