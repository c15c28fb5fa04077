using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;

namespace Reintegration.PartnerSimulator.Posting;

/// <summary>
/// The order in which the partners post a programme, as a field reality would have it, in steps.
/// A step never holds an event that depends on another of the same step, so its batches may be
/// posted concurrently; steps follow one another.
/// <list type="number">
/// <item>Intake: the cases of the returnees registered on time, one step per position in the case
/// (the registrations, then each case's second event, its third …), each in time order: a case
/// event always follows the registration and the events before it.</item>
/// <item>Training: trainings, awareness events and workshops, in time order; then the
/// certifications, each after the training it names.</item>
/// <item>Counselling: sessions, group sessions, assessments and referrals, in time order; then the
/// referral closures, each after its referral. The counselling of returnees whose registration
/// was synced late (<see cref="ReturneeFact.RegistrationSyncedLate"/>) arrives before it.</item>
/// <item>Intake: the late-synced cases, step by step as above.</item>
/// <item>Intake: what ends something, last, step by step: withdrawals of consent to data
/// processing and to counselling (which refuse even activity dated before them once known), and
/// closures that were reopened with their reopenings (a service that knew such a closure before
/// its reopening would refuse the activity between them).</item>
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

        var facts = programme.Facts;
        var syncedLate = programme.Returnees.Where(r => r.RegistrationSyncedLate).Select(r => r.Id).ToHashSet();
        var lastOfCase = LastOfCase(facts);
        var intake = programme.Events.Where(e => e.Service == PartnerService.Intake).ToList();
        var training = programme.Events.Where(e => e.Service == PartnerService.Training).ToList();
        var counselling = programme.Events.Where(e => e.Service == PartnerService.Counselling).ToList();

        // OrderBy is stable, so events at the same second keep their generation order.
        var steps = new List<(PartnerService Service, string Step, IEnumerable<PartnerEvent> Events)>();
        steps.AddRange(CaseSteps("intake", intake.Where(e => !syncedLate.Contains(e.Subject) && !lastOfCase.Contains(e.Id))));
        steps.Add((PartnerService.Training, "training", training.Where(e => e.Type != EventTypes.WorkerCertified).OrderBy(e => e.Time)));
        steps.Add((PartnerService.Training, "training: certifications", training.Where(e => e.Type == EventTypes.WorkerCertified).OrderBy(e => e.Time)));
        steps.Add((PartnerService.Counselling, "counselling", counselling.Where(e => e.Type != EventTypes.ReferralClosed).OrderBy(e => e.Time)));
        steps.Add((PartnerService.Counselling, "counselling: referral closures", counselling.Where(e => e.Type == EventTypes.ReferralClosed).OrderBy(e => e.Time)));
        steps.AddRange(CaseSteps("intake, synced late", intake.Where(e => syncedLate.Contains(e.Subject) && !lastOfCase.Contains(e.Id))));
        steps.AddRange(CaseSteps("intake, last of the case", intake.Where(e => lastOfCase.Contains(e.Id))));

        var originals = steps
            .SelectMany(g => PostingBatch.Chunk(g.Events, batchSize).Select(chunk => (g.Service, g.Step, Events: chunk)))
            .ToList();

        // Which batches are retried depends on the seed and the batch size only.
        var random = new Random(unchecked(programme.Options.Seed * 7919 + batchSize));
        var retried = random.ChooseIndices(originals.Count, RandomExtensions.Quota(originals.Count, RetryShare));

        var batches = new List<PostingBatch>(originals.Count + retried.Count);
        for (var i = 0; i < originals.Count; i++)
        {
            var batch = new PostingBatch(batches.Count, originals[i].Service, originals[i].Step, originals[i].Events);
            batches.Add(batch);
            if (retried.Contains(i)) batches.Add(batch.RepeatAt(batches.Count));
        }

        return new PostingPlan(programme, batchSize, batches);
    }

    /// <summary>
    /// The events that end something at a service that learns them: posted after all activity,
    /// since Counselling and Training refuse even earlier-dated activity once they know of a
    /// withdrawal, and would refuse activity after a reopening while they knew only its closure.
    /// </summary>
    private static HashSet<string> LastOfCase(ProgrammeFacts facts) =>
    [
        .. facts.ConsentUpdates.Where(c => c.WithdrawsDataProcessing || c.RefusesCounselling).Select(c => c.EventId),
        .. facts.Closures.Where(c => c.Reopened).Select(c => c.EventId),
        .. facts.Reopenings.Select(r => r.EventId),
    ];

    /// <summary>
    /// Intake's events in steps by their position in each returnee's case (in time order): step 1
    /// holds every case's first event, step 2 every second one, and so on, each step in time order.
    /// </summary>
    private static IEnumerable<(PartnerService, string, IEnumerable<PartnerEvent>)> CaseSteps(string name, IEnumerable<PartnerEvent> events)
    {
        var positioned = events
            .GroupBy(e => e.Subject)
            .SelectMany(c => c.OrderBy(e => e.Time).Select((e, position) => (Event: e, Position: position)))
            .ToList();
        return positioned
            .GroupBy(x => x.Position)
            .OrderBy(g => g.Key)
            .Select(g => (PartnerService.Intake, $"{name} #{g.Key + 1}", g.Select(x => x.Event).OrderBy(e => e.Time).AsEnumerable()));
    }
}
