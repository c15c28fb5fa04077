using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>A hash of an event's meaning, so a partner's retry with reordered keys or other spacing is still "the same content".</summary>
public static class ContentFingerprint
{
    public static string Of(string type, Guid subject, DateTimeOffset time, JsonElement data)
    {
        try
        {
            return Canonical(type, subject, time, data);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // Data that is not Unicode text (invalid UTF-8, a lone surrogate) cannot be read to be
            // put in order; such an event is refused when its data is read. Until then it gets a
            // fingerprint of its raw bytes, which matches no readable event, instead of a 500.
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes($"unreadable|{type}|{subject}|{time.UtcTicks}|"));
            hash.AppendData(JsonMarshal.GetRawUtf8Value(data));
            return Convert.ToHexString(hash.GetHashAndReset());
        }
    }

    private static string Canonical(string type, Guid subject, DateTimeOffset time, JsonElement data)
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
