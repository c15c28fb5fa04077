using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// CloudEvents binary content mode over HTTP: the attributes as <c>ce-</c> headers, the body as
/// <c>data</c>, <c>Content-Type</c> as <c>datacontenttype</c>. The event is rewritten in the JSON
/// event format, byte for byte as to its data, and then read by <see cref="EnvelopeReader"/> like
/// any structured-mode event: one set of rules, one set of answers.
/// </summary>
/// <remarks>
/// Header values are decoded as the CloudEvents HTTP binding (3.1.3.2) says: a double-quoted value
/// is unquoted, then one round of percent-decoding, whose bytes must be valid UTF-8 (an overlong
/// <c>%C0%A0</c> is refused). A <c>ce-</c> header whose name is not a CloudEvents attribute name
/// (lower-case letters and digits, e.g. <c>ce-my-extension</c>) is ignored, like any unknown header.
/// </remarks>
public static class BinaryContentMode
{
    public const string HeaderPrefix = "ce-";
    public const string SpecVersionHeader = "ce-specversion";

    public static bool IsBinary(IHeaderDictionary headers) => headers.ContainsKey(SpecVersionHeader);

    /// <summary>The event in the JSON event format, or why it cannot be one (a 400 problem).</summary>
    public static (byte[]? Event, Problem? Problem) ToStructured(IHeaderDictionary headers, string? contentType, ReadOnlyMemory<byte> body)
    {
        if (!IsBinary(headers))
            return (null, new Problem(ProblemKind.InvalidEnvelope,
                $"An application/json body is an event's data in CloudEvents binary mode: its attributes go in ce- headers " +
                $"(ce-specversion, ce-id, ce-source, ce-type, ce-subject, ce-time). To post the event as JSON, use {CloudEventsEndpoint.SingleContentType}.",
                new Dictionary<string, string[]> { ["specversion"] = ["is required: send the ce-specversion header (1.0)"] }));
        if (headers.ContainsKey(HeaderPrefix + "datacontenttype"))
            return (null, Problem.Field(ProblemKind.InvalidEnvelope, "datacontenttype",
                "must not be sent as a ce-datacontenttype header in binary mode: Content-Type says it"));

        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            if (!name.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase)) continue;
            var attribute = name[HeaderPrefix.Length..].ToLowerInvariant();
            if (!IsAttributeName(attribute)) continue;
            if (values.Count != 1)
                return (null, Problem.Field(ProblemKind.InvalidEnvelope, attribute, $"is given in {values.Count} {name} headers; send it once"));
            if (Decode(values.ToString()) is not { } value)
                return (null, Problem.Field(ProblemKind.InvalidEnvelope, attribute,
                    $"the {name} header is not validly percent-encoded UTF-8 (CloudEvents HTTP binding 3.1.3.2)"));
            attributes[attribute] = value;
        }

        JsonDocument? data = null;
        if (!body.IsEmpty)
        {
            try
            {
                data = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                return (null, new Problem(ProblemKind.InvalidEnvelope, $"The body (the event's data) is not valid JSON: {ex.Message}"));
            }
        }

        using (data)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (name, value) in attributes) writer.WriteString(name, value);
                if (contentType is not null) writer.WriteString("datacontenttype", contentType);
                if (data is not null)
                {
                    writer.WritePropertyName("data");
                    // As sent: I-JSON and the data rules are checked on these very bytes.
                    writer.WriteRawValue(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(data.RootElement), skipInputValidation: true);
                }

                writer.WriteEndObject();
            }

            return (buffer.ToArray(), null);
        }
    }

    /// <summary>CloudEvents attribute names: lower-case ASCII letters and digits.</summary>
    private static bool IsAttributeName(string name) => name.Length > 0 && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9');

    /// <summary>Unquotes, then percent-decodes a header value; null when the bytes are not UTF-8 or a % starts no escape.</summary>
    public static string? Decode(string header)
    {
        var value = header;
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            var unquoted = new StringBuilder(value.Length);
            for (var i = 1; i < value.Length - 1; i++)
            {
                if (value[i] == '\\' && i + 1 < value.Length - 1) i++;
                unquoted.Append(value[i]);
            }

            value = unquoted.ToString();
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !IsHex(value[i + 1]) || !IsHex(value[i + 2])) return null;
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c > '\u007f')
            {
                return null; // HTTP header values are ASCII; anything else must come percent-encoded.
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        try
        {
            return Strict.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
