namespace Reintegration.PartnerSimulator.Posting;

public sealed record PartnerClientOptions
{
    /// <summary>
    /// How many batches of the same service may be in flight at once during a run. 1 (the default)
    /// posts strictly in plan order. With more, consecutive batches for one service overlap, but
    /// the plan's phases (and a retry after its original) still follow each other.
    /// </summary>
    public int MaxConcurrentPostsPerService { get; init; } = 1;
}
