using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents.SystemTextJson;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// Checks one CloudEvent, in the JSON event format, against CloudEvents 1.0 (through the
/// CloudEvents SDK) and against the catalogue's stricter envelope rules. Anything wrong here is a
/// 400: the data is looked at only once the envelope is sound. A binary-mode event is turned into
/// this form first (<see cref="BinaryContentMode"/>), so both modes meet the same rules.
/// </summary>
public sealed class EnvelopeReader(TimeProvider clock)
{
    public const int MaxIdLength = 128;
    public const int MaxSourceLength = 256;
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    private static readonly JsonEventFormatter Formatter = new();

    public PostedEvent Read(JsonElement element)
    {
        var problem = Check(element, out var envelope);
        return new PostedEvent(StringProperty(element, "id"), StringProperty(element, "source"), envelope, problem);
    }

    private Problem? Check(JsonElement element, out CloudEventEnvelope? envelope)
    {
        envelope = null;
        if (element.ValueKind != JsonValueKind.Object)
            return new Problem(ProblemKind.InvalidEnvelope, "An event must be a JSON object.");
        // First, so that nothing below reads text that is not Unicode.
        if (InternetJson.Check(element) is { } notIJson) return notIJson;
        if (CheckAttributeText(element) is { } badText) return badText;

        CloudNative.CloudEvents.CloudEvent cloudEvent;
        try
        {
            cloudEvent = Formatter.ConvertFromJsonElement(element, extensionAttributes: null);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or JsonException or InvalidOperationException)
        {
            return new Problem(ProblemKind.InvalidEnvelope, $"Not a CloudEvents 1.0 event: {ex.Message}");
        }

        if (cloudEvent.Id!.Length > MaxIdLength)
            return Problem.Field(ProblemKind.InvalidEnvelope, "id", $"must be 1 to {MaxIdLength} characters");
        if (cloudEvent.Source!.OriginalString.Length > MaxSourceLength)
            return Problem.Field(ProblemKind.InvalidEnvelope, "source", $"must be at most {MaxSourceLength} characters");
        if (string.IsNullOrEmpty(cloudEvent.Subject))
            return Problem.Field(ProblemKind.InvalidEnvelope, "subject", "is required: the UUID of the returnee or activity the type names");
        // Guid parsing forgives surrounding whitespace; the catalogue asks for the UUID itself.
        if (cloudEvent.Subject.Length != 36 || !Guid.TryParseExact(cloudEvent.Subject, "D", out var subject))
            return Problem.Field(ProblemKind.InvalidEnvelope, "subject", "must be a UUID such as 0190f5d2-7c4e-7b61-9d3a-2f1c8e4b5a60");
        // The nil UUID names nobody, and the event store cannot key a stream by it: found by fuzzing,
        // it failed the commit (a 500, and in a batch the loss of the valid events beside it).
        if (subject == Guid.Empty)
            return Problem.Field(ProblemKind.InvalidEnvelope, "subject", "must be the UUID of a returnee or activity, not the nil UUID");
        if (cloudEvent.Time is not { } time)
            return Problem.Field(ProblemKind.InvalidEnvelope, "time", "is required: when it happened in the field, RFC 3339");
        if (time > clock.GetUtcNow() + MaxClockSkew)
            return Problem.Field(ProblemKind.InvalidEnvelope, "time", "is more than 5 minutes in the future; send when it happened in the field");
        if (cloudEvent.DataContentType is { } contentType && !IsJson(contentType))
            return Problem.Field(ProblemKind.InvalidEnvelope, "datacontenttype", "must be absent or application/json");
        if (cloudEvent.Data is not JsonElement data)
            return Problem.Field(ProblemKind.InvalidEnvelope, "data", "is required and must be JSON (data_base64 is not accepted)");

        envelope = new CloudEventEnvelope(cloudEvent.Id, cloudEvent.Source.OriginalString, cloudEvent.Type!, subject, time, data);
        return null;
    }

    /// <summary>
    /// No attribute holds a control character (CloudEvents 1.0 forbids them in every attribute; the
    /// catalogue names <c>id</c>, <c>source</c>, <c>type</c> and <c>subject</c>), checked here so
    /// that the problem names the attribute: the SDK would let a line break through in
    /// <c>source</c> (a URI), and .NET's UUID parsing would forgive one after <c>subject</c>.
    /// </summary>
    private static Problem? CheckAttributeText(JsonElement element)
    {
        foreach (var attribute in element.EnumerateObject())
        {
            if (attribute.Value.ValueKind != JsonValueKind.String || attribute.Name is "data") continue;
            if (RuleExtensions.HasControlCharacter(attribute.Value.GetString()!))
                return Problem.Field(ProblemKind.InvalidEnvelope, attribute.Name, RuleExtensions.ControlCharacterMessage);
        }

        return null;
    }

    private static bool IsJson(string contentType)
    {
        try
        {
            return new ContentType(contentType).MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>What can be read of an attribute for the answer; null when it is missing, not a string, or not Unicode text.</summary>
    private static string? StringProperty(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            return null;
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
