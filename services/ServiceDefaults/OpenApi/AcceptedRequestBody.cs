using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// An endpoint that reads its body as a <c>JsonElement</c> (to hand it to the same validation as a
/// partner's event data) declares the real shape with <c>Accepts&lt;T&gt;</c>; the generator would
/// document the <c>JsonElement</c>, i.e. anything. This documents <c>T</c>.
/// </summary>
public sealed class AcceptedRequestBody : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().LastOrDefault() is not { RequestType: { } type } accepts) return;
        if (context.Document is not { } document || operation.RequestBody is not OpenApiRequestBody body) return;

        var schema = Components.Add(document, type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        body.Content = accepts.ContentTypes.ToDictionary(c => c, _ => new OpenApiMediaType { Schema = schema });
    }
}
