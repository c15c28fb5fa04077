using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// <c>POST /events</c>: one CloudEvent (<c>application/cloudevents+json</c>, or binary mode:
/// <c>application/json</c> with <c>ce-</c> headers) or a batch
/// (<c>application/cloudevents-batch+json</c>, up to 500 events and 1 MiB), answered exactly as
/// the catalogue says.
/// </summary>
public static class CloudEventsEndpoint
{
    public const string SingleContentType = "application/cloudevents+json";
    public const string BatchContentType = "application/cloudevents-batch+json";
    public const string BinaryContentType = "application/json";
    public const int MaxBatchEvents = 500;
    public const int MaxBodyBytes = 1024 * 1024;

    public static IServiceCollection AddCloudEventIngestion(this IServiceCollection services)
    {
        services.AddSingleton<EnvelopeReader>();
        services.AddSingleton<Telemetry.IngestionMetrics>();
        services.AddScoped<IngestionPipeline>();
        return services;
    }

    public static RouteHandlerBuilder MapCloudEventIngestion(this IEndpointRouteBuilder app) =>
        app.MapPost("/events", HandleAsync)
            .WithName("PostEvents")
            .RequireScope(Scopes.EventsWrite)
            .BindsSource(SourceLocation.CloudEvent)
            .WithSummary("Post partner events as CloudEvents 1.0 (one, or a batch of up to 500)")
            // No Accepts(...) metadata: it would make ASP.NET answer 415 itself, without our problem type.
            .WithDescription($"Body: one event as {SingleContentType}; or one event's data as {BinaryContentType} with its attributes in ce- headers " +
                $"(CloudEvents binary mode, percent-encoded); or a JSON array of up to {MaxBatchEvents} events (1 MiB) as {BatchContentType}.")
            .Produces<EventReceipt>(StatusCodes.Status202Accepted)
            // 200 is also one event's duplicate receipt: the OpenAPI document says both (OpenApi/CloudEventsOperation.cs).
            .Produces<BatchAnswer>(StatusCodes.Status200OK)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        HttpRequest request, ClaimsPrincipal user, IngestionPipeline pipeline, EnvelopeReader reader, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;
        if (mediaType is not (SingleContentType or BatchContentType or BinaryContentType))
            return new Problem(ProblemKind.UnsupportedMediaType,
                $"Send one event as {SingleContentType} (or its data as {BinaryContentType} with ce- headers, binary mode) " +
                $"or a JSON array of events as {BatchContentType}.").ToResult();

        if (request.ContentLength > MaxBodyBytes) return TooLarge();
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null) return TooLarge();

        if (mediaType == BinaryContentType)
        {
            // Rewritten as the JSON event format, so that one reader applies every rule to both modes.
            var (structured, notAnEvent) = BinaryContentMode.ToStructured(request.Headers, request.ContentType, body);
            if (notAnEvent is not null) return notAnEvent.ToResult();
            body = structured!;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return new Problem(ProblemKind.InvalidEnvelope, $"The body is not valid JSON: {ex.Message}").ToResult();
        }

        var read = BoundTo(Caller.From(user), reader);
        using (document)
        {
            return mediaType != BatchContentType
                ? await SingleAsync(document.RootElement, pipeline, read, cancellationToken)
                : await BatchAsync(document.RootElement, pipeline, read, cancellationToken);
        }
    }

    /// <summary>
    /// Reads an event and refuses it, before anything is looked up or stored, when its source is
    /// not one the caller's token speaks for: a partner can neither post as another nor learn
    /// which of another's ids exist.
    /// </summary>
    private static Func<JsonElement, PostedEvent> BoundTo(Caller caller, EnvelopeReader reader) => element =>
    {
        var posted = reader.Read(element);
        return posted.Envelope is { } envelope && !caller.SpeaksFor(envelope.Source)
            ? posted with { Envelope = null, Problem = Problem.Field(ProblemKind.ForbiddenSource, "source",
                $"this access token does not speak for '{envelope.Source}'; post it with a token whose sources list it") }
            : posted;
    };

    private static async Task<IResult> SingleAsync(JsonElement root, IngestionPipeline pipeline, Func<JsonElement, PostedEvent> read, CancellationToken cancellationToken)
    {
        var outcome = (await pipeline.IngestAsync([read(root)], cancellationToken))[0];
        return outcome.Status switch
        {
            IngestionStatus.Accepted => Results.Json(Receipt(outcome), statusCode: StatusCodes.Status202Accepted),
            IngestionStatus.Duplicate => Results.Json(Receipt(outcome), statusCode: StatusCodes.Status200OK),
            _ => outcome.Problem!.ToResult(),
        };
    }

    private static async Task<IResult> BatchAsync(JsonElement root, IngestionPipeline pipeline, Func<JsonElement, PostedEvent> read, CancellationToken cancellationToken)
    {
        if (root.ValueKind != JsonValueKind.Array || root.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
            return new Problem(ProblemKind.InvalidBatch, $"A {BatchContentType} body is a JSON array of CloudEvent objects.").ToResult();
        if (root.GetArrayLength() > MaxBatchEvents)
            return new Problem(ProblemKind.PayloadTooLarge, $"A batch holds at most {MaxBatchEvents} events; this one has {root.GetArrayLength()}. Split it.").ToResult();

        var outcomes = await pipeline.IngestAsync(EachEvent.Map(root.EnumerateArray().ToArray(), read), cancellationToken);
        return Results.Json(new BatchAnswer(outcomes.Select(BatchResultItem.From).ToList()));
    }

    private static EventReceipt Receipt(IngestionOutcome outcome) => EventReceipt.From(outcome);

    private static IResult TooLarge() =>
        new Problem(ProblemKind.PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes (1 MiB). Send smaller batches.").ToResult();

    /// <summary>Reads at most 1 MiB; null when the body is larger (a chunked upload has no Content-Length to refuse early).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
