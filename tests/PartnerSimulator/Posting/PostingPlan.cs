using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;

namespace Reintegration.PartnerSimulator.Posting;

/// <summary>
/// The order in which the partners post a programme, as a field reality would have it:
/// <list type="number">
/// <item>Intake: the registrations synced on time, in time order.</item>
/// <item>Training: the awareness events, in time order.</item>
/// <item>Counselling: all sessions, in time order. The sessions of returnees whose registration
/// was synced late (<see cref="ReturneeFact.RegistrationSyncedLate"/>) arrive before it.</item>
/// <item>Intake: the late registrations, in time order.</item>
/// </list>
/// About one batch in twenty is posted a second time right after the first, byte for byte, as a
/// partner does when the connection drops before the answer arrives.
/// </summary>
public sealed class PostingPlan
{
    /// <summary>The catalogue's limit on events per batch.</summary>
    public const int MaxBatchSize = 500;

    private const double RetryShare = 0.05;

    private PostingPlan(Programme programme, int batchSize, IReadOnlyList<PostingBatch> batches)
    {
        Programme = programme;
        BatchSize = batchSize;
        Batches = batches;
        Retries = [.. batches.Where(b => b.IsRetry)];
        ReturneesWithSessionsBeforeRegistration = programme.Returnees
            .Where(r => r.RegistrationSyncedLate).Select(r => r.Id).ToHashSet();
    }

    public Programme Programme { get; }

    public int BatchSize { get; }

    /// <summary>All posts in order, retries included.</summary>
    public IReadOnlyList<PostingBatch> Batches { get; }

    /// <summary>The batches that repeat an earlier one; every event in them should come back as a duplicate.</summary>
    public IReadOnlyList<PostingBatch> Retries { get; }

    /// <summary>Returnees whose sessions are all posted before their registration.</summary>
    public IReadOnlySet<Guid> ReturneesWithSessionsBeforeRegistration { get; }

    /// <summary>Events posted, retries included.</summary>
    public int PostedEventCount => Batches.Sum(b => b.Count);

    /// <summary>Distinct events: what should come back accepted.</summary>
    public int DistinctEventCount => Programme.Events.Count;

    /// <summary>Events posted again by retries: what should come back as duplicates.</summary>
    public int RetriedEventCount => Retries.Sum(b => b.Count);

    public static PostingPlan Create(Programme programme, int batchSize = MaxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxBatchSize);

        var syncedLate = programme.Returnees.Where(r => r.RegistrationSyncedLate).Select(r => r.Id).ToHashSet();
        var registrations = programme.RegistrationEvents.OrderBy(e => e.Time).ToList();

        // OrderBy is stable, so events at the same second keep their generation order.
        var groups = new[]
        {
            (PartnerService.Intake, registrations.Where(e => !syncedLate.Contains(e.Subject))),
            (PartnerService.Training, programme.AwarenessEventEvents.OrderBy(e => e.Time)),
            (PartnerService.Counselling, programme.SessionEvents.OrderBy(e => e.Time)),
            (PartnerService.Intake, registrations.Where(e => syncedLate.Contains(e.Subject))),
        };

        var originals = groups
            .SelectMany(g => g.Item2.Chunk(batchSize).Select(chunk => (Service: g.Item1, Events: chunk)))
            .ToList();

        // Which batches are retried depends on the seed and the batch size only.
        var random = new Random(unchecked(programme.Options.Seed * 7919 + batchSize));
        var retried = random.ChooseIndices(originals.Count, RandomExtensions.Quota(originals.Count, RetryShare));

        var batches = new List<PostingBatch>(originals.Count + retried.Count);
        for (var i = 0; i < originals.Count; i++)
        {
            var batch = new PostingBatch(batches.Count, originals[i].Service, originals[i].Events);
            batches.Add(batch);
            if (retried.Contains(i)) batches.Add(batch.RepeatAt(batches.Count));
        }

        return new PostingPlan(programme, batchSize, batches);
    }
}
