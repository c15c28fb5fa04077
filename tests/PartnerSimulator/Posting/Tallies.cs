using System.Text.Json.Nodes;
using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Posting;

/// <summary>An event the service rejected, with its RFC 9457 problem for diagnosis.</summary>
/// <param name="BatchIndex">The plan's batch index, or null for a batch posted outside a plan.</param>
/// <param name="Index">Position in the posted array.</param>
public sealed record RejectedEvent(
    PartnerService Service, int? BatchIndex, int Index, string? Id, string? Source, JsonNode? Problem)
{
    public override string ToString() =>
        $"{Service} batch {BatchIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} [{Index}] {Source} {Id}: {Problem?.ToJsonString() ?? "(no problem body)"}";
}

/// <summary>What one service answered for one batch.</summary>
public sealed record BatchTally(
    PartnerService Service, int Events, int Accepted, int Duplicate, int Rejected, IReadOnlyList<RejectedEvent> Rejections)
{
    public override string ToString() =>
        $"{Service}: posted {Events}, accepted {Accepted}, duplicate {Duplicate}, rejected {Rejected}";
}

/// <summary>Running totals over a posting plan.</summary>
public sealed record PostingTally(
    int Batches, int Events, int Accepted, int Duplicate, int Rejected, IReadOnlyList<RejectedEvent> Rejections)
{
    public static PostingTally Empty { get; } = new(0, 0, 0, 0, 0, []);

    public PostingTally Add(BatchTally batch) => new(
        Batches + 1,
        Events + batch.Events,
        Accepted + batch.Accepted,
        Duplicate + batch.Duplicate,
        Rejected + batch.Rejected,
        batch.Rejections.Count == 0 ? Rejections : [.. Rejections, .. batch.Rejections]);

    public override string ToString() =>
        $"posted {Events}, accepted {Accepted}, duplicate {Duplicate}, rejected {Rejected}";
}

/// <summary>Reported after each batch of a run.</summary>
/// <param name="Posted">Batches answered so far, this one included.</param>
/// <param name="Total">Batches in the plan.</param>
public sealed record PostingProgress(int Posted, int Total, PostingBatch Batch, BatchTally Answer, PostingTally Totals);
