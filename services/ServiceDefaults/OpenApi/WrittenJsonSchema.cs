using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// Brings the generated body schemas in line with the JSON the services really read and write,
/// which the schema generator cannot see from the types:
/// <list type="bullet">
/// <item>numbers are numbers: answers write them so, and event data is read strictly (no numbers in
/// strings), whatever the web defaults of the HTTP options allow;</item>
/// <item>no null is ever written (null members are left out), and the data records are nullable only
/// so that their validators can name a missing field: a nullable member is optional, not "required
/// but may be null".</item>
/// </list>
/// A document transformer, run once everything is generated, because nullable references only
/// become <c>oneOf: [null, $ref]</c> when the schemas are gathered into components.
/// </summary>
public sealed class WrittenJsonSchema : IOpenApiDocumentTransformer
{
    private const JsonSchemaType NumberTypes = JsonSchemaType.Integer | JsonSchemaType.Number;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var visited = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components?.Schemas?.Values ?? []) Visit(schema, visited);

        foreach (var schema in DocumentWalk.BodySchemas(document)) Visit(schema, visited);
        return Task.CompletedTask;
    }

    private static void Visit(IOpenApiSchema schema, HashSet<IOpenApiSchema> visited)
    {
        // A reference is visited as the component it names.
        if (schema is not OpenApiSchema inline || !visited.Add(inline)) return;

        StrictNumber(inline);
        foreach (var (name, property) in inline.Properties?.ToList() ?? [])
        {
            if (WithoutNull(property) is { } present)
            {
                inline.Properties![name] = present;
                inline.Required?.Remove(name);
            }

            Visit(inline.Properties![name], visited);
        }

        foreach (var child in new[] { inline.Items, inline.AdditionalProperties }.Concat(inline.OneOf ?? []).Concat(inline.AnyOf ?? []).Concat(inline.AllOf ?? []))
            if (child is not null) Visit(child, visited);
    }

    /// <summary><c>"type": ["integer", "string"], "pattern": …</c> → <c>"type": "integer"</c>.</summary>
    private static void StrictNumber(OpenApiSchema schema)
    {
        if (schema.Type is not { } type || (type & NumberTypes) == 0 || !type.HasFlag(JsonSchemaType.String)) return;
        schema.Type = type & ~JsonSchemaType.String;
        schema.Pattern = null;
    }

    /// <summary>The property's schema without its null alternative; null when it has none.</summary>
    private static IOpenApiSchema? WithoutNull(IOpenApiSchema property)
    {
        if (property is OpenApiSchema { Type: { } type } inline && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null)
        {
            inline.Type = type & ~JsonSchemaType.Null;
            return inline;
        }

        // A nullable reference: oneOf: [{"type": "null"}, {"$ref": …}].
        if (property is OpenApiSchema { OneOf: { Count: 2 } oneOf } && oneOf.Count(IsNull) == 1)
            return oneOf.Single(s => !IsNull(s));
        return null;
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}
