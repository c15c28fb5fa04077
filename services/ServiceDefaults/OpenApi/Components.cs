using Microsoft.OpenApi;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>Adds schemas to a document's components and hands back references that resolve.</summary>
public static class Components
{
    public static OpenApiSchemaReference Add(OpenApiDocument document, string id, IOpenApiSchema schema)
    {
        if (document.Components?.Schemas?.ContainsKey(id) != true) document.AddComponent(id, schema);
        return new OpenApiSchemaReference(id, document);
    }
}
