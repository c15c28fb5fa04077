using System.Diagnostics;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.Benchmarks.Scenarios;

/// <summary>One service's share of a posting plan: its batches, their events, and the time they took.</summary>
public sealed record ServicePosting(int Batches, int Events, TimeSpan Time);

/// <summary>
/// Times each answered batch from the previous answer. The client reports synchronously, under
/// its own lock, so with one post in flight that is each batch's own time; with more, an
/// approximation that still adds up to the whole posting time.
/// </summary>
public sealed class PostingTimer(long started) : IProgress<PostingProgress>
{
    private readonly Dictionary<PartnerService, ServicePosting> _byService = [];
    private long _last = started;

    public void Report(PostingProgress value)
    {
        var now = Stopwatch.GetTimestamp();
        var took = Stopwatch.GetElapsedTime(_last, now);
        _last = now;
        var service = value.Batch.Service;
        var sum = _byService.GetValueOrDefault(service, new ServicePosting(0, 0, TimeSpan.Zero));
        _byService[service] = new ServicePosting(sum.Batches + 1, sum.Events + value.Batch.Count, sum.Time + took);
    }

    public IReadOnlyDictionary<PartnerService, ServicePosting> ByService() => _byService;
}
