using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

public enum IngestionStatus { Accepted, Duplicate, Rejected }

/// <summary>The answer for one posted event, in the order posted.</summary>
public sealed record IngestionOutcome(int Index, string? Id, string? Source, IngestionStatus Status, Problem? Problem = null);
