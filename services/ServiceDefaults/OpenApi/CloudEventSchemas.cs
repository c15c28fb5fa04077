using System.Globalization;
using Microsoft.OpenApi;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.ServiceDefaults.OpenApi;

/// <summary>
/// The catalogue's envelope (CloudEvents 1.0, structured mode) as JSON Schema: one schema per
/// event type, its <c>type</c> fixed and its <c>data</c> the handler's data record.
/// </summary>
public static class CloudEventSchemas
{
    /// <summary>Component id of the oneOf over this service's event types.</summary>
    public const string SingleId = "CloudEvent";

    /// <summary>Component id of the batch: an array of <see cref="SingleId"/>.</summary>
    public const string BatchId = "CloudEventBatch";

    /// <summary><c>reintegration.intake.returnee-registered.v1</c> → <c>ReturneeRegisteredEvent</c> (a later version adds <c>V2</c>).</summary>
    public static string SchemaIdOf(string eventType)
    {
        var parts = eventType.Split('.');
        var name = string.Concat(parts[^2].Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
        var version = parts[^1];
        return name + (version == "v1" ? "" : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(version)) + "Event";
    }

    /// <summary>One event of <paramref name="eventType"/>, whose <c>data</c> is <paramref name="data"/>.</summary>
    public static OpenApiSchema Typed(string eventType, IOpenApiSchema data) => new()
    {
        Type = JsonSchemaType.Object,
        Description = $"A `{eventType}` event (CloudEvents 1.0, structured mode). Unknown extension attributes are allowed and ignored.",
        Required = new HashSet<string> { "specversion", "id", "source", "type", "subject", "time", "data" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["specversion"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = "1.0" },
            ["id"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, MinLength = 1, MaxLength = EnvelopeReader.MaxIdLength, Examples = ["field-app-000123"],
                Description = "Unique per source: the same source and id with the same content is a duplicate, with other content a conflict.",
            },
            ["source"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Format = "uri-reference", MinLength = 1, MaxLength = 256, Examples = ["urn:partner:ngo-field-app"],
                Description = "The partner system, e.g. `urn:partner:ngo-field-app`; one of the token's `sources`.",
            },
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = eventType },
            ["subject"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The UUID the type names (a returnee, a training, an awareness event …)." },
            ["time"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Format = "date-time",
                Description = "RFC 3339: when it happened in the field, not when it was posted; at most 5 minutes in the future.",
            },
            ["datacontenttype"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = "application/json", Description = "Absent or `application/json`." },
            ["data"] = data,
        },
    };

    /// <summary>Any one of the service's event types, told apart by <c>type</c>.</summary>
    public static OpenApiSchema AnyOf(IReadOnlyDictionary<string, OpenApiSchemaReference> eventsByType) => new()
    {
        Description = "One CloudEvent of a type this service takes.",
        OneOf = eventsByType.Values.Cast<IOpenApiSchema>().ToList(),
        Discriminator = new OpenApiDiscriminator { PropertyName = "type", Mapping = eventsByType.ToDictionary(e => e.Key, e => e.Value) },
    };

    public static OpenApiSchema Batch(IOpenApiSchema single) => new()
    {
        Type = JsonSchemaType.Array,
        Description = $"Up to {CloudEventsEndpoint.MaxBatchEvents} events and 1 MiB, applied in array order; each stands alone.",
        MaxItems = CloudEventsEndpoint.MaxBatchEvents,
        Items = single,
    };
}
