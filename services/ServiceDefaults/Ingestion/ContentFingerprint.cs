using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>A hash of an event's meaning, so a partner's retry with reordered keys or other spacing is still "the same content".</summary>
public static class ContentFingerprint
{
    public static string Of(string type, Guid subject, DateTimeOffset time, JsonElement data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("subject", subject);
            writer.WriteNumber("time", time.UtcTicks);
            writer.WritePropertyName("data");
            WriteCanonical(writer, data);
            writer.WriteEndObject();
        }

        return Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Object keys in ordinal order, everything else as parsed.</summary>
    public static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    public static string Of(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
