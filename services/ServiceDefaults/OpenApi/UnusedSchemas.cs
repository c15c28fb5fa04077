using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// Drops component schemas no operation reaches (the <c>JsonElement</c> a body was read as before
/// <see cref="AcceptedRequestBody"/> documented its real shape), so the reference page lists only
/// models a caller meets.
/// </summary>
public sealed class UnusedSchemas : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { Count: > 0 } components) return Task.CompletedTask;

        var roots = DocumentWalk.BodySchemas(document)
            .Concat(DocumentWalk.Operations(document).SelectMany(o => o.Parameters ?? []).Select(p => p.Schema).OfType<IOpenApiSchema>());

        var used = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<IOpenApiSchema>(roots);
        while (pending.TryPop(out var schema))
        {
            if (!seen.Add(schema)) continue;
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (used.Add(id) && components.TryGetValue(id, out var target)) pending.Push(target);
                continue;
            }

            foreach (var child in Children(schema)) pending.Push(child);
        }

        foreach (var id in components.Keys.Where(id => !used.Contains(id)).ToList()) components.Remove(id);
        return Task.CompletedTask;
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
        new[] { schema.Items, schema.AdditionalProperties, schema.Not }
            .Concat(schema.Properties?.Values ?? [])
            .Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])
            .Concat(schema.Discriminator?.Mapping?.Values ?? Enumerable.Empty<IOpenApiSchema>())
            .OfType<IOpenApiSchema>();
}
