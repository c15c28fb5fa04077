using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// The I-JSON (RFC 7493) rules that System.Text.Json's parser does not enforce on its own: text is
/// valid UTF-8 (the parser lets invalid bytes inside a string through, to fail later when the
/// string is read), holds no lone surrogate escape (<c>"\ud800"</c>), and no object names a member
/// twice. Checked on one event at a time, so that in a batch only the event that breaks a rule is
/// refused; the problem names the member by its path, e.g. <c>data.givenName</c>.
/// </summary>
/// <remarks>
/// <see cref="JsonDocumentOptions.AllowDuplicateProperties"/> (.NET 10) would refuse duplicates
/// while parsing, but for a whole batch body at once and without a path; this walk does all three
/// checks on the event's raw bytes in one pass.
/// </remarks>
public static class InternetJson
{
    /// <summary>The first rule <paramref name="element"/> breaks, as a 400 of <paramref name="kind"/> naming the member under <paramref name="path"/>; null when it is I-JSON.</summary>
    public static Problem? Check(JsonElement element, string path = "", ProblemKind? kind = null)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
        var frames = new Stack<Frame>();
        Problem Refuse(string at, string message) =>
            Problem.Field(kind ?? ProblemKind.InvalidEnvelope, at.Length == 0 ? (path.Length == 0 ? "(event)" : path) : Join(path, at),
                $"{message} (a body must be I-JSON, RFC 7493)");

        string? member = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var frame = frames.Peek();
                    if (StringProblem(ref reader) is { } badName)
                        return Refuse(Join(frame.Path, "(a member name)"), badName);
                    member = reader.GetString()!;
                    if (!frame.Names!.Add(member))
                        return Refuse(Join(frame.Path, member), "is given more than once in its object; send each member once");
                    break;
                case JsonTokenType.StartObject:
                    frames.Push(new Frame(ValuePath(frames, member), new HashSet<string>(StringComparer.Ordinal)));
                    break;
                case JsonTokenType.StartArray:
                    frames.Push(new Frame(ValuePath(frames, member), null));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                case JsonTokenType.String:
                    var at = ValuePath(frames, member);
                    if (StringProblem(ref reader) is { } badText) return Refuse(at, badText);
                    break;
                default:
                    ValuePath(frames, member);
                    break;
            }
        }

        return null;
    }

    /// <summary>The path of the value starting now; in an array, moves on to the next index.</summary>
    private static string ValuePath(Stack<Frame> frames, string? member)
    {
        if (!frames.TryPeek(out var parent)) return "";
        if (parent.Names is not null) return Join(parent.Path, member!);
        return $"{parent.Path}[{parent.NextIndex++}]";
    }

    private static string Join(string path, string member) =>
        path.Length == 0 || member.StartsWith('[') ? path + member : $"{path}.{member}";

    private static string? StringProblem(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (!Utf8.IsValid(raw)) return "is not valid UTF-8";
        if (reader.ValueIsEscaped && HasLoneSurrogate(raw)) return "holds a lone surrogate (a \\uD800-\\uDFFF escape without its pair), which is not Unicode text";
        return null;
    }

    /// <summary>Scans the escapes of a raw JSON string: every high surrogate escape must be followed by a low one, and no low one may stand alone.</summary>
    private static bool HasLoneSurrogate(ReadOnlySpan<byte> raw)
    {
        var pendingHigh = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                if (pendingHigh) return true;
                continue;
            }

            var escape = raw[++i];
            if (escape != (byte)'u')
            {
                if (pendingHigh) return true;
                continue;
            }

            var unit = Convert.ToInt32(System.Text.Encoding.ASCII.GetString(raw.Slice(i + 1, 4)), 16);
            i += 4;
            if (char.IsHighSurrogate((char)unit))
            {
                if (pendingHigh) return true;
                pendingHigh = true;
            }
            else if (char.IsLowSurrogate((char)unit))
            {
                if (!pendingHigh) return true;
                pendingHigh = false;
            }
            else if (pendingHigh) return true;
        }

        return pendingHigh;
    }

    private sealed class Frame(string path, HashSet<string>? names)
    {
        public string Path { get; } = path;

        /// <summary>The member names seen so far (an object), or null (an array).</summary>
        public HashSet<string>? Names { get; } = names;

        public int NextIndex { get; set; }
    }
}
