using System.Text;
using System.Text.Json.Nodes;

namespace Reintegration.PartnerSimulator.CloudEvents;

/// <summary>
/// One generated CloudEvent (structured JSON mode) with the attributes a caller needs to find it
/// again. It is kept as its UTF-8 wire form: a benchmark programme holds hundreds of thousands
/// of events, and batches are then cut from the bytes without re-serialising anything. Callers
/// who want a <see cref="JsonObject"/> get a fresh one to read or change.
/// </summary>
public sealed class PartnerEvent
{
    private readonly byte[] _utf8Json;

    internal PartnerEvent(
        PartnerService service, string id, string source, string type, Guid subject, DateTimeOffset time, byte[] utf8Json)
    {
        Service = service;
        Id = id;
        Source = source;
        Type = type;
        Subject = subject;
        Time = time;
        _utf8Json = utf8Json;
    }

    /// <summary>
    /// An event from its JSON, e.g. one changed on purpose to break a rule: attributes that do not
    /// parse are left empty (the catalogue check reads the JSON, and says what is wrong).
    /// </summary>
    public static PartnerEvent FromJson(PartnerService service, JsonObject cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        string Attribute(string name) => cloudEvent[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        return new PartnerEvent(
            service, Attribute("id"), Attribute("source"), Attribute("type"),
            Guid.TryParse(Attribute("subject"), out var subject) ? subject : Guid.Empty,
            DateTimeOffset.TryParse(Attribute("time"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : default,
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes<JsonNode>(cloudEvent, JsonFormat.Serializer));
    }

    /// <summary>The service that receives it.</summary>
    public PartnerService Service { get; }

    public string Id { get; }
    public string Source { get; }
    public string Type { get; }
    public Guid Subject { get; }
    public DateTimeOffset Time { get; }

    /// <summary>The CloudEvent as compact UTF-8 JSON, exactly as posted.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8Json;

    /// <summary>A fresh copy of the CloudEvent, free to change or to add to a <see cref="JsonArray"/>.</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(_utf8Json)!.AsObject();

    /// <summary>The CloudEvent as compact JSON, exactly as posted.</summary>
    public string ToJsonString() => Encoding.UTF8.GetString(_utf8Json);

    /// <summary>The CloudEvent as indented JSON, for people to read.</summary>
    public string ToIndentedJsonString() => ToJsonObject().ToJsonString(JsonFormat.Indented);

    public override string ToString() => $"{Type} {Source} {Id}";
}
