using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.Benchmarks.Scenarios;

/// <summary>
/// HTTP clients for the four running services. One pooled handler per service, with as many
/// connections as the open-loop phase needs, so that the client never queues a request behind
/// another one and calls that the service's latency. Every request carries the run's bearer
/// token, as a partner system's would.
/// </summary>
public sealed class Services : IDisposable
{
    public Services(Uri intake, Uri counselling, Uri training, Uri reporting, string token)
    {
        Intake = Client(intake, token);
        Counselling = Client(counselling, token);
        Training = Client(training, token);
        Reporting = Client(reporting, token);
    }

    public HttpClient Intake { get; }
    public HttpClient Counselling { get; }
    public HttpClient Training { get; }
    public HttpClient Reporting { get; }

    public PartnerClient Partner(int concurrentPostsPerService = 1) =>
        new(Intake, Counselling, Training, new PartnerClientOptions { MaxConcurrentPostsPerService = concurrentPostsPerService });

    /// <summary>The five headline figures of <c>GET /indicators</c>, and how long the answer took.</summary>
    public async Task<(Dictionary<string, long> Values, TimeSpan Took)> HeadlineAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // Detail: the benchmark waits for exact figures, which public answers hide while they are small.
        using var response = await Reporting.GetAsync("indicators?disclosure=detail", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var took = Stopwatch.GetElapsedTime(started);
        if (!response.IsSuccessStatusCode)
            throw new BenchmarkFailure($"GET /indicators answered {(int)response.StatusCode}: {body}");

        var values = IndicatorCodes.Headline.ToDictionary(code => code, _ => 0L);
        foreach (var indicator in (JsonNode.Parse(body)?["indicators"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (indicator["code"]?.GetValue<string>() is { } code && values.ContainsKey(code))
                values[code] = (long)decimal.Parse(indicator["value"]!.ToJsonString(), CultureInfo.InvariantCulture);
        }

        return (values, took);
    }

    public void Dispose()
    {
        Intake.Dispose();
        Counselling.Dispose();
        Training.Dispose();
        Reporting.Dispose();
    }

    private static HttpClient Client(Uri baseAddress, string token) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = 512 })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(100),
            DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token) },
        };
}

/// <summary>Headline figures as a line for the console and the report.</summary>
public static class Headline
{
    public static Dictionary<string, long> Plus(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b) =>
        IndicatorCodes.Headline.ToDictionary(code => code, code => a.GetValueOrDefault(code) + b.GetValueOrDefault(code));

    public static bool Same(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b) =>
        IndicatorCodes.Headline.All(code => a.GetValueOrDefault(code) == b.GetValueOrDefault(code));

    /// <summary>A figure beyond what was posted: counts only grow, so it can never come right.</summary>
    public static bool Overshoots(IReadOnlyDictionary<string, long> actual, IReadOnlyDictionary<string, long> expected) =>
        IndicatorCodes.Headline.Any(code => actual.GetValueOrDefault(code) > expected.GetValueOrDefault(code));

    public static string Line(IReadOnlyDictionary<string, long> values) =>
        string.Join(", ", IndicatorCodes.Headline.Select(code => $"{code} {values.GetValueOrDefault(code):N0}"));
}
