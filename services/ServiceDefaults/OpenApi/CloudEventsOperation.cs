using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// Describes <c>POST /events</c>'s body here rather than with <c>Accepts</c> metadata, which would
/// make ASP.NET answer 415 itself without the catalogue's problem type: one event or a batch, of
/// the event types this service's handlers take, each <c>data</c> from the handler's record.
/// Also says that 200 is a duplicate's receipt as well as a batch's answer.
/// </summary>
public sealed class CloudEventsOperation : IOpenApiOperationTransformer
{
    /// <summary>The name <see cref="CloudEventsEndpoint.MapCloudEventIngestion"/> gives the endpoint.</summary>
    public const string OperationId = "PostEvents";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().All(n => n.EndpointName != OperationId)) return;
        if (context.Document is not { } document) return;

        var eventsByType = new SortedDictionary<string, OpenApiSchemaReference>(StringComparer.Ordinal);
        foreach (var handler in context.ApplicationServices.GetServices<ICloudEventHandler>().OrderBy(h => h.EventType, StringComparer.Ordinal))
        {
            var data = await context.GetOrCreateSchemaAsync(handler.DataType, null, cancellationToken);
            var dataReference = Components.Add(document, handler.DataType.Name, data);
            eventsByType[handler.EventType] = Components.Add(document, CloudEventSchemas.SchemaIdOf(handler.EventType), CloudEventSchemas.Typed(handler.EventType, dataReference));
        }

        var single = Components.Add(document, CloudEventSchemas.SingleId, CloudEventSchemas.AnyOf(eventsByType));
        var batch = Components.Add(document, CloudEventSchemas.BatchId, CloudEventSchemas.Batch(single));
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One event, or a batch of events; the Content-Type says which.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [CloudEventsEndpoint.SingleContentType] = new() { Schema = single },
                [CloudEventsEndpoint.BatchContentType] = new() { Schema = batch },
            },
        };

        DescribeOk(operation);
    }

    /// <summary>200 answers a duplicate single event with its receipt, and any batch with its results.</summary>
    private static void DescribeOk(OpenApiOperation operation)
    {
        var ok = StatusCodes.Status200OK.ToString();
        var accepted = StatusCodes.Status202Accepted.ToString();
        if (operation.Responses is not { } responses) return;
        if (Json(responses, accepted)?.Schema is not { } receipt || Json(responses, ok) is not { Schema: { } batchAnswer } media) return;

        responses[accepted].Description = "One event, new and durably stored (`status`: `accepted`).";
        responses[ok].Description = "One event already accepted with the same content (`status`: `duplicate`), or a batch's results in the order posted.";
        media.Schema = new OpenApiSchema { OneOf = [receipt, batchAnswer] };
    }

    private static OpenApiMediaType? Json(OpenApiResponses responses, string status) =>
        responses.TryGetValue(status, out var response)
        && response.Content is { } content && content.TryGetValue("application/json", out var media)
            ? media
            : null;
}
