using System.Globalization;

namespace Reintegration.Benchmarks;

/// <summary>A command's options read one by one, each name then its value, with the checks every command shares.</summary>
public sealed class OptionReader(IReadOnlyList<string> args)
{
    private int _next;

    /// <summary>The option being read.</summary>
    public string Name { get; private set; } = "";

    public bool MoveNext()
    {
        if (_next >= args.Count) return false;
        Name = args[_next++];
        return true;
    }

    public string Value() => _next < args.Count ? args[_next++] : throw new FormatException($"{Name} needs a value.");

    public int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
        ? n
        : throw new FormatException($"{Name} needs a positive whole number.");

    /// <summary>NAME=PID: a service process, for CPU and resident memory.</summary>
    public (string Name, int Pid) Pid() =>
        Value() is var text && text.Split('=', 2) is [var name, var pid] && int.TryParse(pid, CultureInfo.InvariantCulture, out var id)
            ? (name, id)
            : throw new FormatException($"--pid takes NAME=PID, not '{text}'.");

    /// <summary>Comma-separated base addresses (one or more).</summary>
    public List<Uri> BaseUris() =>
        [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(BaseUri)];

    // A trailing slash, so that "events" resolves below the base address rather than beside it.
    public static Uri BaseUri(string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) ? uri : throw new FormatException($"'{text}' is not a URL.");
}
