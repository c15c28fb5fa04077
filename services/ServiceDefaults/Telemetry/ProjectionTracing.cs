using System.Diagnostics;
using JasperFx.Events;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>
/// A span per page a projection applies in the async daemon, continuing the traces of the events
/// on it (<see cref="TraceContext.StartFollowing"/>): a partner's POST can be followed to the page
/// that made it show in a read model.
/// </summary>
public static class ProjectionTracing
{
    public const string SourceName = "Reintegration.Projections";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartPage(string projection, IReadOnlyList<IEvent> events)
    {
        var activity = TraceContext.StartFollowing(Source, $"project {projection}", ActivityKind.Internal, events.Select(TraceContext.Of));
        activity?.SetTag(TelemetryTags.Shard, projection);
        activity?.SetTag("reintegration.page.events", events.Count);
        return activity;
    }
}
