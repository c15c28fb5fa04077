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
        : this(Client([intake], token).Client, Client([counselling], token).Client, Client([training], token).Client, Client([reporting], token).Client, [])
    {
    }

    private Services(HttpClient intake, HttpClient counselling, HttpClient training, HttpClient reporting, IReadOnlyList<RoundRobinHandler> spread)
    {
        Intake = intake;
        Counselling = counselling;
        Training = training;
        Reporting = reporting;
        Spread = spread;
    }

    /// <summary>
    /// The partners' three services each behind a round robin over its replicas (the next replica
    /// for every request, so every batch); Reporting, which is only asked for its figures, at one.
    /// </summary>
    public static Services RoundRobin(IReadOnlyList<Uri> intake, IReadOnlyList<Uri> counselling, IReadOnlyList<Uri> training, Uri reporting, string token)
    {
        var (i, ih) = Client(intake, token);
        var (c, ch) = Client(counselling, token);
        var (t, th) = Client(training, token);
        return new Services(i, c, t, Client([reporting], token).Client, [.. new[] { ih, ch, th }.OfType<RoundRobinHandler>()]);
    }

    public HttpClient Intake { get; }
    public HttpClient Counselling { get; }
    public HttpClient Training { get; }
    public HttpClient Reporting { get; }

    /// <summary>The round robins of <see cref="RoundRobin"/> (none otherwise): requests sent to each replica.</summary>
    public IReadOnlyList<RoundRobinHandler> Spread { get; }

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

    // One replica: a plain pooled handler; several: the round robin over it (one pool per replica).
    private static (HttpClient Client, RoundRobinHandler? Spread) Client(IReadOnlyList<Uri> replicas, string token)
    {
        HttpMessageHandler handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = 512 };
        var spread = replicas.Count > 1 ? new RoundRobinHandler(replicas, handler) : null;
        var client = new HttpClient(spread ?? handler)
        {
            BaseAddress = replicas[0],
            Timeout = TimeSpan.FromSeconds(100),
            DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token) },
        };
        return (client, spread);
    }
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
