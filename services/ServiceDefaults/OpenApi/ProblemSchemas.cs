using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>RFC 9457 problem answers as the document describes them: <c>application/problem+json</c>.</summary>
public static class ProblemSchemas
{
    public const string ContentType = "application/problem+json";

    /// <summary>A reference to the <c>ProblemDetails</c> component, the one the generator makes for <c>ProducesProblem</c>.</summary>
    public static async Task<IOpenApiSchema> ProblemDetailsAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        context.Document is { } document
            ? Components.Add(document, nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken))
            : await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);

    public static OpenApiResponse Response(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [ContentType] = new() { Schema = schema } },
    };
}
