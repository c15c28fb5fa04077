using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reintegration.PartnerSimulator.CloudEvents;

/// <summary>
/// How events go on the wire: compact, with names like "Traoré" as real UTF-8 rather than \u
/// escapes, as a field app would send them (the escaping the default encoder adds is for HTML).
/// </summary>
internal static class JsonFormat
{
    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions Serializer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };
}
