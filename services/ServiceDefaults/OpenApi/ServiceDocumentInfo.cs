using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>Names the document after the service, so a partner with four reference pages open knows which is which.</summary>
public sealed class ServiceDocumentInfo(ServiceIdentity service) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = TitleOf(service);
        document.Info.Version = "v1";
        document.Info.Description = service.EventTypePrefix is { } prefix
            ? $"Partner events `{prefix}*` in as CloudEvents 1.0 on `POST /events`, answered as the partner contract (the catalogue) says. "
              + "Every operation but this page, the document and `/health/*` needs a bearer token with the scope it names."
            : "Indicators and journeys, read from the other services' events. Every operation but this page, the document and `/health/*` "
              + "needs a bearer token with the scope it names.";
        return Task.CompletedTask;
    }

    public static string TitleOf(ServiceIdentity service) => $"Reintegration {char.ToUpperInvariant(service.Name[0])}{service.Name[1..]} API";
}
