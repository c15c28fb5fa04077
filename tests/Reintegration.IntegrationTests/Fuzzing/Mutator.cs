using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>
/// Applies <see cref="Mutation"/>s to a CloudEvent. What a <see cref="JsonObject"/> cannot hold
/// (a lone surrogate escape, a duplicate member name, invalid UTF-8 bytes, a number beyond
/// double) goes in as a placeholder and is spliced into the serialised text or bytes.
/// </summary>
public sealed class Mutator
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<(string Placeholder, string Json, bool Inline)> _text = [];
    private readonly List<(string Placeholder, byte[] Bytes)> _bytes = [];

    private Mutator(JsonObject cloudEvent) => Event = cloudEvent;

    public JsonObject Event { get; }

    /// <summary>
    /// The event with the mutations applied. <paramref name="keepKey"/>: no mutation touches
    /// <c>id</c> or <c>source</c>, so a mutant keeps its original's idempotency key;
    /// <paramref name="batchSafe"/>: the mutant stays parseable inside a batch array (no nesting
    /// past the parser's depth), so it cannot take the batch's other events down with it.
    /// </summary>
    public static Mutator Apply(JsonObject cloudEvent, IEnumerable<Mutation> mutations, bool keepKey = false, bool batchSafe = false)
    {
        var mutator = new Mutator(cloudEvent);
        foreach (var mutation in mutations) mutator.Apply(mutation, keepKey, batchSafe);
        return mutator;
    }

    /// <summary>The event as UTF-8 JSON, placeholders spliced in.</summary>
    public byte[] ToUtf8()
    {
        var text = Event.ToJsonString(Relaxed);
        // A whole value (or member name) replaces the string it stands in, quotes and all; an inline one only itself.
        foreach (var (placeholder, json, inline) in _text)
            text = inline ? text.Replace(placeholder, json, StringComparison.Ordinal) : text.Replace($"\"{placeholder}\"", json, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var (placeholder, raw) in _bytes) bytes = Splice(bytes, Encoding.UTF8.GetBytes(placeholder), raw);
        return bytes;
    }

    /// <summary>Whether anything of the event is text a JsonObject could not hold (binary mode sends the raw bytes of data only).</summary>
    public bool HasSplices => _text.Count > 0 || _bytes.Count > 0;

    private int _placeholders;
    private string Placeholder() => $"zqfuzz{_placeholders++}q";

    private void Apply(Mutation mutation, bool keepKey, bool batchSafe)
    {
        var members = Members(Event, "").Where(m => !keepKey || m.Path is not ("id" or "source")).ToList();
        var (parent, key, index, path) = members[mutation.Target % members.Count];
        var v = mutation.Variant;
        JsonNode? current = key is not null ? parent.AsObject()[key] : parent.AsArray()[index];
        var text = current is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

        void Set(JsonNode? node)
        {
            if (key is not null) parent.AsObject()[key] = node;
            else parent.AsArray()[index] = node;
        }

        switch (mutation.Kind)
        {
            case MutationKind.Drop:
                if (key is not null) parent.AsObject().Remove(key);
                else parent.AsArray().RemoveAt(index);
                break;
            case MutationKind.Rename when key is not null:
                // An earlier mutation may have added a member with the empty name (an extension attribute).
                var renamed = (v % 4) switch
                {
                    0 when key.Length == 0 => "X",
                    0 => char.ToUpperInvariant(key[0]) + key[1..],
                    1 => key + "X",
                    2 => string.Concat(key.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString())) + (key.Any(char.IsUpper) ? "" : "_"),
                    _ => key.ToUpperInvariant(),
                };
                var moved = current?.DeepClone();
                parent.AsObject().Remove(key);
                parent.AsObject()[renamed] = moved;
                break;
            case MutationKind.Rename:
                parent.AsArray().RemoveAt(index);
                break;
            case MutationKind.Retype:
                JsonNode?[] others = [JsonValue.Create(42), JsonValue.Create("42"), JsonValue.Create(true), new JsonArray(), new JsonObject(), JsonValue.Create(1.5)];
                var kind = current?.GetValueKind();
                Set(others.Where(o => o!.GetValueKind() != kind).ElementAt(v % (others.Count(o => o!.GetValueKind() != kind))));
                break;
            case MutationKind.Null:
                Set(null);
                break;
            case MutationKind.WrongCode:
                string[] codes = ["unknown-code", "", " ", "00000000-0000-0000-0000-000000000000", "0190F5D2-7C4E-7B61-9D3A-2F1C8E4B5A60", "Bamako", "bamako ", "kita,kayes", "ÉTÉ", new string('x', 65), "-1", "null", text is null ? "x" : text.ToUpperInvariant(), text is null ? "x" : text + "-v2"];
                Set(JsonValue.Create(codes[v % codes.Length]));
                break;
            case MutationKind.OutOfRangeNumber:
                string[] numbers = ["-1", "121", "481", "4", "0", "101", "1000000", "2147483648", "-0", "1.5", "1e400", "99999999999999999999999", "1E2", "-2147483649"];
                Splice(Set, numbers[v % numbers.Length]);
                break;
            case MutationKind.BadDate:
                string[] dates = ["2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "2026-3-1", "2026-03-01T10:00:00", "2099-01-01T00:00:00Z",
                    "yesterday", "2026-03-01T25:00:00Z", "2026-03-01T10:00:00+25:00", "1900-01-01", "2026-03-01Z", "20260301", "2026-03-01T10:00:00.123456789Z"];
                Set(JsonValue.Create(dates[v % dates.Length]));
                break;
            case MutationKind.HugeString:
                int[] lengths = [65, 101, 129, 201, 257, 501, 5_000, 100_000, 900_000];
                string[] units = ["a", "é", "😀", " "];
                // In a batch, past a few thousand characters the batch would pass 1 MiB and be refused whole.
                var length = batchSafe ? Math.Min(lengths[v % lengths.Length], 5_000) : lengths[v % lengths.Length];
                var unit = units[v / lengths.Length % units.Length];
                Set(JsonValue.Create(string.Concat(Enumerable.Repeat(unit, length / unit.Length + 1))[..length]));
                break;
            case MutationKind.Nul:
                Set(JsonValue.Create(Insert(text ?? "ab", "\0", v)));
                break;
            case MutationKind.ControlCharacter:
                string[] controls = ["\u0001", "\t", "\n", "\r", "\u001f", "\u007f", "\u0085", "\u2028", "\u200b", "\u001b[31m"];
                Set(JsonValue.Create(Insert(text ?? "ab", controls[v % controls.Length], v / controls.Length)));
                break;
            case MutationKind.LoneSurrogate:
                string[] lone = [@"\ud800", @"\udc00", @"\ud83d", @"\udc00\ud800", @"\ud800\u0041"];
                var surrogate = Placeholder();
                _text.Add((surrogate, lone[v % lone.Length], true));
                Set(JsonValue.Create(Insert(text ?? "ab", surrogate, v / lone.Length)));
                break;
            case MutationKind.InvalidUtf8:
                byte[][] invalid = [[0xFF], [0xC0, 0xAF], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFE, 0xFF]];
                var bytes = Placeholder();
                _bytes.Add((bytes, invalid[v % invalid.Length]));
                Set(JsonValue.Create(Insert(text ?? "ab", bytes, v / invalid.Length)));
                break;
            case MutationKind.DuplicateMember when key is not null:
                var twin = Placeholder();
                parent.AsObject()[twin] = v % 2 == 0 ? current?.DeepClone() : JsonValue.Create("other");
                _text.Add((twin, JsonSerializer.Serialize(key, Relaxed), false));
                break;
            case MutationKind.DuplicateMember:
                parent.AsArray().Add(current?.DeepClone());
                break;
            case MutationKind.DeepNesting:
                var depth = batchSafe ? 2 + v % 40 : 2 + v % 3_000;
                var nested = v % 2 == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                Splice(Set, nested);
                break;
            case MutationKind.LongSource when !keepKey:
                Event["source"] = "urn:partner:" + new string('x', 245 + v % 40);
                break;
            case MutationKind.WrongType:
                string[] types = ["reintegration.intake.returnee-registered.v2", "reintegration.counselling.session-held.v1", "reintegration.training.workshop-held.v1",
                    "reintegration.intake.returnee-registered.v1", "", "REINTEGRATION.INTAKE.RETURNEE-REGISTERED.V1", "com.example.other"];
                Event["type"] = types[v % types.Length];
                break;
            case MutationKind.BadSubject:
                // An earlier mutation may have left the subject short, or not a string at all.
                var subject = Event["subject"] is JsonValue sv && sv.TryGetValue<string>(out var ss) && ss.Length >= 36 ? ss : Guid.Empty.ToString();
                string[] subjects = [subject.ToUpperInvariant(), "{" + subject + "}", subject.Replace("-", ""), " " + subject, subject + " ", "not-a-uuid",
                    Guid.Empty.ToString(), subject + "0", subject[..35], ""];
                Event["subject"] = subjects[v % subjects.Length];
                break;
            case MutationKind.BadSpecVersion:
                JsonNode?[] versions = ["0.3", "1", "1.0 ", "2.0", JsonValue.Create(1.0), "", null];
                Event["specversion"] = versions[v % versions.Length]?.DeepClone();
                break;
            case MutationKind.BadDataContentType:
                string[] contentTypes = ["text/plain", "application/json; charset=utf-8", "application/xml", "application/cloudevents+json", "", "application/json;;", "APPLICATION/JSON"];
                Event["datacontenttype"] = contentTypes[v % contentTypes.Length];
                break;
            case MutationKind.ExtensionAttribute:
                (string, JsonNode?)[] extensions = [("fuzzext", "x"), ("fuzzext", 7), ("fuzzext", true), ("fuzzext", new JsonObject()), ("Bad_Name", "x"),
                    ("data_base64", "AAAA"), ("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), ("", "x")];
                var (name, extension) = extensions[v % extensions.Length];
                Event[name] = extension?.DeepClone();
                break;
            case MutationKind.TimeOutOfRange:
                string[] times = ["2099-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "2026-03-01T10:00:00+14:00", "2026-03-01T10:00:00-12:00", "2026-03-01 10:00:00Z"];
                Event["time"] = times[v % times.Length];
                break;
            default:
                // Only some kinds apply to every member (a source that must keep its key, say): the rest then rename the member.
                if (key is not null)
                {
                    var kept = current?.DeepClone();
                    parent.AsObject().Remove(key);
                    parent.AsObject()[key + "X"] = kept;
                }

                break;
        }
    }

    private void Splice(Action<JsonNode?> set, string json)
    {
        var placeholder = Placeholder();
        _text.Add((placeholder, json, false));
        set(JsonValue.Create(placeholder));
    }

    private static string Insert(string text, string what, int at) => text.Insert(text.Length == 0 ? 0 : at % (text.Length + 1), what);

    /// <summary>Every member and array item, depth first: where a mutation may strike.</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Index, string Path)> Members(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    var at = path.Length == 0 ? key : $"{path}.{key}";
                    yield return (o, key, -1, at);
                    if (child is not null) foreach (var m in Members(child, at)) yield return m;
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, null, i, $"{path}[{i}]");
                    if (a[i] is { } child) foreach (var m in Members(child, $"{path}[{i}]")) yield return m;
                }

                break;
        }
    }

    private static byte[] Splice(byte[] bytes, byte[] placeholder, byte[] raw)
    {
        var at = bytes.AsSpan().IndexOf(placeholder);
        if (at < 0) return bytes;
        return [.. bytes.AsSpan(0, at), .. raw, .. bytes.AsSpan(at + placeholder.Length)];
    }
}
