using Microsoft.OpenApi;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>Where a document's schemas are: shared by the transformers that walk them all.</summary>
public static class DocumentWalk
{
    public static IEnumerable<OpenApiOperation> Operations(OpenApiDocument document) =>
        (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
        .SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>());

    /// <summary>The schemas of every request and answer body.</summary>
    public static IEnumerable<IOpenApiSchema> BodySchemas(OpenApiDocument document) =>
        Operations(document)
            .SelectMany(o => (o.RequestBody?.Content?.Values ?? []).Concat((o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).SelectMany(r => r.Content?.Values ?? [])))
            .Select(m => m.Schema)
            .OfType<IOpenApiSchema>();
}
