using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Reintegration.Reporting.Facts;

/// <summary>
/// A BI row's columns as a JSON object, exactly as <c>JsonSerializer.Serialize</c> writes the
/// dictionary (unit-tested against it), with the values the rows hold written directly: a
/// rebuild writes a row per session, ten million at scale, and the serializer's look-up of a
/// converter for every boxed value cost more than the rest of the row.
/// </summary>
public static class RowJson
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;

    public static string Serialize(IReadOnlyDictionary<string, object?> columns)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in columns)
            {
                writer.WritePropertyName(name);
                Write(writer, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case Guid g: writer.WriteStringValue(g); break;
            case DateOnly d: writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset t: writer.WriteStringValue(t); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case decimal m: writer.WriteNumberValue(m); break;
            default: JsonSerializer.Serialize(writer, value, value.GetType()); break;
        }
    }
}
