using System.Text.RegularExpressions;

namespace Reintegration.Benchmarks.Report;

/// <summary>
/// The warnings and errors in a service's console log, grouped by kind: level, category and the
/// first exception line of the entry, with ids and numbers masked so that repeats fall together.
/// Slow and failing paths (retries, conflicts, a stuck daemon) show up here before anywhere else.
/// </summary>
public static partial class ServiceLogs
{
    public sealed record Kind(string Level, string Category, string Message, int Count, string? FirstAt);

    public static IReadOnlyList<Kind> Summarise(string path)
    {
        if (!File.Exists(path)) return [];
        var kinds = new Dictionary<(string, string, string), (int Count, string? FirstAt)>();
        (string Level, string Category, string? At, List<string> Body)? entry = null;

        void Flush()
        {
            if (entry is not { } e) return;
            var message = Mask(e.Body.FirstOrDefault(l => ExceptionLine().IsMatch(l)) ?? e.Body.FirstOrDefault(l => l.Length > 0) ?? "");
            var key = (e.Level, e.Category, message.Length > 200 ? message[..200] + " …" : message);
            var seen = kinds.TryGetValue(key, out var known) ? known : (Count: 0, FirstAt: e.At);
            kinds[key] = (seen.Count + 1, seen.FirstAt);
            entry = null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (Header().Match(line) is { Success: true } header)
            {
                Flush();
                var level = header.Groups["level"].Value;
                entry = level is "warn" or "fail" or "crit"
                    ? (level, header.Groups["category"].Value, header.Groups["at"].Success ? header.Groups["at"].Value : null, [])
                    : null;
            }
            else if (entry is { } e && line.StartsWith(' '))
            {
                e.Body.Add(line.Trim());
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return [.. kinds.Select(k => new Kind(k.Key.Item1, k.Key.Item2, k.Key.Item3, k.Value.Count, k.Value.FirstAt)).OrderByDescending(k => k.Count)];
    }

    private static string Mask(string text) =>
        Number().Replace(Uuid().Replace(text.Replace('|', '/'), "<id>"), "N");

    // "13:05:01 warn: Marten.Events.Daemon.Coordination.ProjectionCoordinator[0]" (the time when the services log one).
    [GeneratedRegex(@"^(?:(?<at>\d\d:\d\d:\d\d) )?(?<level>trce|dbug|info|warn|fail|crit): (?<category>[^\[]+)\[\d+\]")]
    private static partial Regex Header();

    [GeneratedRegex(@"(Exception|Error)\b.*:|skipping|not advancing|timed out|did not complete", RegexOptions.IgnoreCase)]
    private static partial Regex ExceptionLine();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();
}
