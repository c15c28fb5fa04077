using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Reintegration.IntegrationTests.Support;
using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>The three ways a partner posts: one event (structured), a batch, or binary mode (ce- headers, the data as body).</summary>
public enum ContentMode
{
    Structured,
    Batch,
    Binary,
}

/// <summary>What goes wrong with a request as a whole rather than with one of its events.</summary>
public enum RequestFlaw
{
    None,
    ByteOrderMark,
    OtherEncoding,
    Truncated,
    EmptyBody,
    NotJson,
    WrongContentType,
    MissingContentType,
    ContentTypeParameters,
    ModeMismatch,
    GarbledBinaryHeaders,
    TooManyEvents,
}

/// <summary>One <c>POST /events</c> of a fuzz case, rendered: body, content type and headers.</summary>
public sealed record FuzzRequest(
    PartnerService Service, ContentMode Mode, IReadOnlyList<FuzzEvent> Events, RequestFlaw Flaw, int FlawVariant,
    byte[] Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers)
{
    private const string Bom = "\uFEFF";

    public HttpRequestMessage ToMessage()
    {
        var content = new ByteArrayContent(Body);
        if (ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        var message = new HttpRequestMessage(HttpMethod.Post, "/events") { Content = content };
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    /// <summary>Whether the request, flaws aside, carries its events one by one as the mode says (so each is answered).</summary>
    public bool Intact => Flaw is RequestFlaw.None or RequestFlaw.ContentTypeParameters && (Mode != ContentMode.Binary || !Events[0].HasSplices);

    /// <summary>
    /// Events of one service (the first drawn decides; the others are redrawn as events of that
    /// service would be, i.e. they go to it anyway and some are answered wrong-service), a mode and maybe a flaw.
    /// </summary>
    public static Gen<FuzzRequest> Gen(Gen<FuzzEvent[]> events, bool flaws = true) =>
        from mode in CsCheck.Gen.Enum<ContentMode>()
        from batch in events
        from flaw in flaws ? CsCheck.Gen.Frequency((6, CsCheck.Gen.Const(RequestFlaw.None)), (4, CsCheck.Gen.Enum<RequestFlaw>())) : CsCheck.Gen.Const(RequestFlaw.None)
        from variant in CsCheck.Gen.Int[0, 1_000]
        select Render(batch[0].Service, mode, mode == ContentMode.Batch ? batch : [batch[0]], flaw, variant);

    public static FuzzRequest Render(PartnerService service, ContentMode mode, IReadOnlyList<FuzzEvent> events, RequestFlaw flaw, int variant)
    {
        byte[] body;
        string? contentType;
        var headers = new List<(string, string)>();
        switch (mode)
        {
            case ContentMode.Batch:
                body = [(byte)'[', .. events.SelectMany((e, i) => i == 0 ? e.Utf8 : [(byte)',', .. e.Utf8]), (byte)']'];
                contentType = "application/cloudevents-batch+json";
                break;
            case ContentMode.Binary:
                (body, contentType) = Binary(events[0], headers);
                break;
            default:
                body = events[0].Utf8;
                contentType = "application/cloudevents+json";
                break;
        }

        switch (flaw)
        {
            case RequestFlaw.ByteOrderMark:
                body = [.. Encoding.UTF8.GetBytes(Bom), .. body];
                break;
            case RequestFlaw.OtherEncoding:
                // The same text in another encoding, as a partner's misconfigured client might send it.
                Encoding[] encodings = [Encoding.Unicode, Encoding.BigEndianUnicode, Encoding.Latin1, Encoding.UTF32];
                var encoding = encodings[variant % encodings.Length];
                body = [.. (variant / encodings.Length % 2 == 0 ? encoding.GetPreamble() : []), .. encoding.GetBytes(Encoding.UTF8.GetString(body))];
                break;
            case RequestFlaw.Truncated when body.Length > 1:
                body = body[..(variant % (body.Length - 1) + 1)];
                break;
            case RequestFlaw.EmptyBody:
                body = [];
                break;
            case RequestFlaw.NotJson:
                string[] garbage = ["<event/>", "{", "[1,2", "null", "[]", "[1, 2]", "[null]", "\"text\"", "{}", "[{}]", "\u00e9", "{\"a\":1}{\"a\":2}"];
                body = Encoding.UTF8.GetBytes(garbage[variant % garbage.Length]);
                break;
            case RequestFlaw.WrongContentType:
                string[] wrong = ["text/plain", "application/cloudevents+xml", "application/xml", "multipart/form-data", "application/problem+json", "*/*", ";", "application/"];
                contentType = wrong[variant % wrong.Length];
                break;
            case RequestFlaw.MissingContentType:
                contentType = null;
                break;
            case RequestFlaw.ContentTypeParameters:
                string[] parameters = ["; charset=utf-8", "; charset=iso-8859-1", "; charset=UTF-16", ";q=0.5", "; charset=\"utf-8\""];
                contentType = contentType!.ToUpperInvariant() + parameters[variant % parameters.Length];
                break;
            case RequestFlaw.ModeMismatch:
                contentType = mode == ContentMode.Batch ? "application/cloudevents+json" : mode == ContentMode.Binary ? "application/cloudevents+json" : "application/cloudevents-batch+json";
                break;
            case RequestFlaw.GarbledBinaryHeaders:
                Garble(headers, variant, events[0]);
                if (mode != ContentMode.Binary) contentType = "application/json";
                break;
            case RequestFlaw.TooManyEvents:
                var tiny = events[0].Utf8.Length < 2_000 ? events[0].Utf8 : Encoding.UTF8.GetBytes("{}");
                body = [(byte)'[', .. Enumerable.Range(0, 501).SelectMany(i => i == 0 ? tiny : [(byte)',', .. tiny]), (byte)']'];
                contentType = "application/cloudevents-batch+json";
                break;
        }

        return new FuzzRequest(service, mode, events, flaw, variant, body, contentType, headers);
    }

    /// <summary>Binary mode as an SDK sends it: the data as the body, every other attribute as a percent-encoded ce- header.</summary>
    private static (byte[] Body, string? ContentType) Binary(FuzzEvent e, List<(string, string)> headers)
    {
        foreach (var (name, value) in e.Json)
        {
            if (name is "data" or "datacontenttype" || value is null) continue;
            headers.Add(($"ce-{name}", PartnerEvents.PercentEncoded(value.GetValueKind() == JsonValueKind.String ? (string)value! : value.ToJsonString())));
        }

        // The data's own bytes as they were spliced (invalid UTF-8 included); a mutant whose splices sit outside data loses them here.
        var body = e.Json["data"] is { } data ? DataBytes(e) ?? Encoding.UTF8.GetBytes(data.ToJsonString()) : [];
        var contentType = e.Json["datacontenttype"] is JsonValue ct && ct.TryGetValue<string>(out var s) ? s : "application/json";
        return (body, contentType);
    }

    /// <summary>The raw bytes of the event's data member, read back from its wire form (null when they do not parse out).</summary>
    private static byte[]? DataBytes(FuzzEvent e)
    {
        try
        {
            var reader = new Utf8JsonReader(e.Utf8, new JsonReaderOptions { MaxDepth = 4_096 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.CurrentDepth >= 1)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    return e.Utf8[start..((int)reader.BytesConsumed)];
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static void Garble(List<(string Name, string Value)> headers, int variant, FuzzEvent e)
    {
        if (headers.Count == 0)
            foreach (var (name, value) in e.Json)
                if (name is not ("data" or "datacontenttype") && value is JsonValue v && v.TryGetValue<string>(out var s)) headers.Add(($"ce-{name}", PartnerEvents.PercentEncoded(s)));
        if (headers.Count == 0) return;
        var at = variant / 12 % headers.Count;
        var (header, text) = headers[at];
        switch (variant % 12)
        {
            case 0: headers.RemoveAt(at); break;
            case 1: headers.Add((header, text)); break;
            case 2: headers[at] = (header, text + "%zz"); break;
            case 3: headers[at] = (header, "%C0%AF" + text); break;
            case 4: headers[at] = (header, text + "%"); break;
            case 5: headers[at] = (header, "\"" + text + "\""); break;
            case 6: headers[at] = (header.ToUpperInvariant(), text); break;
            case 7: headers.Add(("ce-datacontenttype", "application/json")); break;
            case 8: headers[at] = (header, text + "%00"); break;
            case 9: headers[at] = (header, text + "%ED%A0%80"); break;
            case 10: headers.Add(("ce-fuzz_ext", "x")); break;
            default: headers[at] = (header, new string('a', 20_000)); break;
        }
    }

    public override string ToString() =>
        $"{Mode} to {Service}, flaw {Flaw}/{FlawVariant}, Content-Type {ContentType ?? "(none)"}, {Body.Length} bytes, {Headers.Count} ce- headers:\n  " +
        string.Join("\n  ", Events.Select((e, i) => $"[{i}] {e}"));
}
