using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>
/// The only attributes the services' own metrics carry: the service, an event or message type of
/// the catalogue, an outcome, a projection or subscription, a queue, a health check. Codes and
/// names the code chose, never a value a partner or a person typed.
/// </summary>
public static class TelemetryTags
{
    public const string Service = "service";
    public const string EventType = "event.type";
    public const string Outcome = "outcome";
    public const string Shard = "shard";
    public const string Queue = "queue";
    public const string Check = "check";

    /// <summary>Batch sizes: single events, small syncs, up to the 500 a POST and the 200 a consumer batch take.</summary>
    public static readonly IReadOnlyList<long> SizeBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500];

    /// <summary>Seconds, from a fast commit to an hour behind.</summary>
    public static readonly IReadOnlyList<double> SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

    /// <summary>A posted type is free text until checked: only the catalogue's own types are named.</summary>
    public static string KnownEventType(string? type) =>
        type is not null && CatalogueEventTypes.All.Contains(type) ? type : "unknown";
}
