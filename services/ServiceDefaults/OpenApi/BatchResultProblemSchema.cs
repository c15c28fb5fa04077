using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// <see cref="BatchResultItem.Problem"/> is typed as object so its runtime type is written; this
/// gives it the schema of what is written there: a problem, with <c>errors</c> for field errors.
/// </summary>
public sealed class BatchResultProblemSchema : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(BatchResultItem) || context.JsonPropertyInfo is not null) return;
        var name = context.JsonTypeInfo.Properties.Single(p => p.Name.Equals(nameof(BatchResultItem.Problem), StringComparison.OrdinalIgnoreCase)).Name;
        if (schema.Properties is null) return;

        // Written only when rejected: optional, never null.
        schema.Properties[name] = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, cancellationToken);
        schema.Required?.Remove(name);
    }
}
