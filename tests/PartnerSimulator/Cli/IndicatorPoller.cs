using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reintegration.PartnerSimulator.Generation;

namespace Reintegration.PartnerSimulator.Cli;

/// <summary>
/// Watches <c>GET /indicators</c> on Reporting fill up after posting. Reporting is fed
/// asynchronously through the broker, so the figures lag the posts; the poller prints them as
/// they change and stops once they hold still or match what was posted.
/// </summary>
internal sealed class IndicatorPoller(HttpClient reporting, TextWriter output)
{
    public async Task<IReadOnlyDictionary<string, decimal>?> PollAsync(
        IReadOnlyDictionary<string, long> expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        output.WriteLine($"Polling {new Uri(reporting.BaseAddress!, "indicators")} once a second, up to {timeout.TotalSeconds:0} s:");
        var started = DateTimeOffset.UtcNow;
        IReadOnlyDictionary<string, decimal>? previous = null;
        string? lastError = null;

        while (DateTimeOffset.UtcNow - started < timeout)
        {
            var elapsed = DateTimeOffset.UtcNow - started;
            var (current, error) = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                if (error != lastError) output.WriteLine($"  [{elapsed.TotalSeconds,3:0}s] {error}");
                lastError = error;
            }
            else if (current is not null)
            {
                lastError = null;
                var changed = previous is null || !Same(previous, current);
                if (changed) output.WriteLine($"  [{elapsed.TotalSeconds,3:0}s] {Line(current)}");

                if (Matches(current, expected)) return current;
                // Two identical answers in a row with something in them: Reporting has caught up
                // (or holds more than this run posted, e.g. data from earlier runs).
                if (!changed && current.Values.Any(v => v > 0)) return current;
                previous = current;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }

        output.WriteLine($"  gave up after {timeout.TotalSeconds:0} s");
        return previous;
    }

    public static bool Matches(IReadOnlyDictionary<string, decimal> actual, IReadOnlyDictionary<string, long> expected) =>
        expected.All(x => actual.TryGetValue(x.Key, out var value) && value == x.Value);

    public static string Line(IReadOnlyDictionary<string, decimal> values) =>
        string.Join("  ", IndicatorCodes.Headline.Select(code =>
            $"{code} {(values.TryGetValue(code, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "-")}"));

    private async Task<(IReadOnlyDictionary<string, decimal>? Values, string? Error)> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await reporting.GetAsync("indicators", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return (null, $"GET indicators answered {(int)response.StatusCode} {response.StatusCode}");

            if (JsonNode.Parse(body)?["indicators"] is not JsonArray indicators)
                return (null, "GET indicators answered without an \"indicators\" array");

            var values = new Dictionary<string, decimal>();
            foreach (var indicator in indicators.OfType<JsonObject>())
            {
                if (indicator["code"] is JsonValue code && code.TryGetValue<string>(out var name) &&
                    IndicatorCodes.Headline.Contains(name) &&
                    indicator["value"] is JsonValue value && value.TryGetValue<decimal>(out var number))
                    values[name] = number;
            }

            return (values, null);
        }
        catch (HttpRequestException e)
        {
            return (null, $"Reporting not reachable: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "GET indicators timed out");
        }
        catch (JsonException e)
        {
            return (null, $"GET indicators answered something that is not JSON: {e.Message}");
        }
    }

    private static bool Same(IReadOnlyDictionary<string, decimal> a, IReadOnlyDictionary<string, decimal> b) =>
        a.Count == b.Count && a.All(x => b.TryGetValue(x.Key, out var y) && y == x.Value);
}
