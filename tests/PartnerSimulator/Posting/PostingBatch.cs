using System.Text.Json.Nodes;
using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Posting;

/// <summary>One <c>POST /events</c> of a posting plan: a CloudEvents batch for one service.</summary>
public sealed class PostingBatch
{
    private readonly Lazy<byte[]> _utf8Json;

    internal PostingBatch(int index, PartnerService service, string step, IReadOnlyList<PartnerEvent> events)
    {
        Index = index;
        Service = service;
        Step = step;
        Events = events;
        _utf8Json = new Lazy<byte[]>(() => Serialize(events));
    }

    // A retry shares the original's bytes: the partner re-sends exactly what it sent before.
    private PostingBatch(int index, PostingBatch original)
    {
        Index = index;
        Service = original.Service;
        Step = original.Step;
        Events = original.Events;
        RetryOf = original.Index;
        _utf8Json = original._utf8Json;
    }

    /// <summary>The catalogue's limit on a batch's body: 1 MiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// Consecutive runs of the events, each within <paramref name="maxEvents"/> and, as a JSON
    /// array, within the catalogue's 1 MiB (a batch of trainings of 30 workers passes it well
    /// before 500 events).
    /// </summary>
    public static IEnumerable<IReadOnlyList<PartnerEvent>> Chunk(IEnumerable<PartnerEvent> events, int maxEvents)
    {
        var chunk = new List<PartnerEvent>();
        var bytes = 2; // the brackets
        foreach (var e in events)
        {
            var size = e.Utf8Json.Length + (chunk.Count > 0 ? 1 : 0);
            if (chunk.Count > 0 && (chunk.Count == maxEvents || bytes + size > MaxBytes))
            {
                yield return chunk;
                (chunk, bytes, size) = ([], 2, e.Utf8Json.Length);
            }

            chunk.Add(e);
            bytes += size;
        }

        if (chunk.Count > 0) yield return chunk;
    }

    /// <summary>A batch outside any plan (e.g. a benchmark's own), serialised once like a plan's.</summary>
    public static PostingBatch Of(int index, PartnerService service, string step, IReadOnlyList<PartnerEvent> events) =>
        new(index, service, step, events);

    /// <summary>Position in the plan, from 0.</summary>
    public int Index { get; }

    public PartnerService Service { get; }

    /// <summary>
    /// The plan's step (e.g. "intake #2", "counselling: referral closures"): no event depends on
    /// another of its own step, so a step's batches may go concurrently; steps go one after another.
    /// </summary>
    public string Step { get; }

    public IReadOnlyList<PartnerEvent> Events { get; }

    public int Count => Events.Count;

    /// <summary>The batch this one repeats (a retry after a dropped connection), or null for an original.</summary>
    public int? RetryOf { get; }

    /// <summary>True when this batch repeats an earlier one byte for byte: every result should be a duplicate.</summary>
    public bool IsRetry => RetryOf is not null;

    /// <summary>The request body: a JSON array of the CloudEvents, UTF-8.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8Json.Value;

    /// <summary>A fresh JSON array of the CloudEvents, free to change (e.g. to break one on purpose).</summary>
    public JsonArray ToJsonArray() => new([.. Events.Select(e => (JsonNode)e.ToJsonObject())]);

    public string ToJsonString() => System.Text.Encoding.UTF8.GetString(_utf8Json.Value);

    internal PostingBatch RepeatAt(int index) => new(index, this);

    public override string ToString() =>
        $"#{Index} {Step}: {Count} events{(IsRetry ? $" (retry of #{RetryOf})" : "")}";

    // The events are already UTF-8 JSON: the array is their bytes, comma separated, in brackets.
    private static byte[] Serialize(IReadOnlyList<PartnerEvent> events)
    {
        var body = new byte[2 + events.Sum(e => e.Utf8Json.Length) + Math.Max(0, events.Count - 1)];
        var at = 0;
        body[at++] = (byte)'[';
        for (var i = 0; i < events.Count; i++)
        {
            if (i > 0) body[at++] = (byte)',';
            events[i].Utf8Json.Span.CopyTo(body.AsSpan(at));
            at += events[i].Utf8Json.Length;
        }

        body[at] = (byte)']';
        return body;
    }
}
