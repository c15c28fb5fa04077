using System.Diagnostics;
using System.Text.Json;
using JasperFx.Events;
using Marten;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>
/// Carries a trace across the event store, which is the outbox: the span that appended an event
/// is stamped in the event's metadata (W3C <c>traceparent</c>/<c>tracestate</c> headers), and
/// whoever later handles the event in the async daemon (the publisher, a projection) continues
/// from it. Nothing but the two W3C strings goes into the headers.
/// </summary>
public static class TraceContext
{
    public const string ParentHeader = "traceparent";
    public const string StateHeader = "tracestate";

    /// <summary>More links than this on one span tell an operator nothing more (and cost the exporter).</summary>
    public const int MaxLinks = 64;

    /// <summary>Stamps the current span on every event the session appends from now on; call it before appending.</summary>
    public static void Stamp(IDocumentSession session)
    {
        foreach (var (name, value) in CurrentHeaders() ?? []) session.SetHeader(name, value);
    }

    /// <summary>The current span as event headers (null when there is none), for appends that write their headers themselves.</summary>
    public static Dictionary<string, string>? CurrentHeaders()
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C, Id: { } id } current) return null;
        var headers = new Dictionary<string, string> { [ParentHeader] = id };
        if (!string.IsNullOrEmpty(current.TraceStateString)) headers[StateHeader] = current.TraceStateString;
        return headers;
    }

    /// <summary>The context of the span that appended <paramref name="e"/>, when it was stamped.</summary>
    public static ActivityContext? Of(IEvent e) => W3COf(e) is { Parent: { } parent } w3c ? Parse(parent, w3c.State) : null;

    /// <summary>The W3C strings stamped on <paramref name="e"/> (both null when it was not), to carry on in a message.</summary>
    public static (string? Parent, string? State) W3COf(IEvent e) =>
        e.Headers is { } headers && Text(headers.GetValueOrDefault(ParentHeader)) is { } parent
            ? (parent, Text(headers.GetValueOrDefault(StateHeader)))
            : (null, null);

    public static ActivityContext? Parse(string? traceparent, string? tracestate = null) =>
        traceparent is not null && ActivityContext.TryParse(traceparent, tracestate, isRemote: true, out var context) ? context : null;

    /// <summary>
    /// Starts a span that continues what it handles: when it all comes from one trace (one event,
    /// one message, one partner's POST), the child of the first of their spans, otherwise of
    /// <see cref="Activity.Current"/> (or a new trace); linked to each of them either way, so a
    /// trace backend can walk from any one.
    /// </summary>
    public static Activity? StartFollowing(ActivitySource source, string name, ActivityKind kind, IEnumerable<ActivityContext?> handled)
    {
        if (!source.HasListeners()) return null;
        var contexts = handled.OfType<ActivityContext>().Distinct().ToList();
        var current = Activity.Current;
        var oneTrace = contexts.Count > 0 && contexts.All(c => c.TraceId == contexts[0].TraceId);
        // Already inside that trace (MassTransit's consume span of a single message): stay its child.
        var parent = oneTrace && current?.TraceId != contexts[0].TraceId ? contexts[0] : current?.Context ?? default;
        var links = contexts.Take(MaxLinks).Select(c => new ActivityLink(c)).ToList();
        return source.StartActivity(name, kind, parent, links: links);
    }

    private static string? Text(object? value) => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
        _ => null,
    };
}
