using Marten;
using Microsoft.Extensions.Logging;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Privacy;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reference;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// Decides and stores a batch of partner events: everything the batch's decisions read is loaded
/// in one round trip, the batch is decided in array order (<see cref="BatchDecision"/>, pure),
/// and everything accepted is committed in ONE transaction with its records and claims, each
/// appended stream checked against the version it was loaded at. One commit per event is about
/// thirty times slower. When another writer changed one of those streams first, the whole batch
/// is loaded and decided again, a few times with jitter, so each event still gets its true answer.
/// </summary>
public sealed class IngestionPipeline(
    IDocumentStore store,
    IEnumerable<ICloudEventHandler> handlers,
    ServiceIdentity service,
    IngestionMetrics metrics,
    TimeProvider clock,
    ILogger<IngestionPipeline> logger,
    PersonalDataProtection? protection = null)
{
    /// <summary>
    /// How often a batch is decided again after losing a race before the caller is told to retry
    /// (503): a dozen writers on one stream at once each win within this many rounds (measured:
    /// 6 left one of 12 simultaneous sessions for one returnee without a turn).
    /// </summary>
    public const int MaxAttempts = 16;

    private readonly Dictionary<string, ICloudEventHandler> _handlers = handlers.ToDictionary(h => h.EventType);

    public async Task<IReadOnlyList<IngestionOutcome>> IngestAsync(IReadOnlyList<PostedEvent> posted, CancellationToken cancellationToken)
    {
        using var activity = IngestionMetrics.Activity.StartActivity("ingest batch");
        activity?.SetTag("reintegration.batch.size", posted.Count);
        metrics.RecordBatch(posted.Count);

        var outcomes = new IngestionOutcome?[posted.Count];
        var pending = new List<(int Index, IPendingEvent Event)>();
        var prepared = EachEvent.Map(posted, Prepare);
        for (var i = 0; i < posted.Count; i++)
        {
            if (prepared[i].Pending is { } ready) pending.Add((i, ready));
            else outcomes[i] = new IngestionOutcome(i, posted[i].Id, posted[i].Source, IngestionStatus.Rejected, prepared[i].Problem);
        }

        var verdicts = await DecideAndCommitAsync(pending.Select(p => p.Event).ToList(), cancellationToken);
        for (var i = 0; i < pending.Count; i++)
        {
            var (index, item) = pending[i];
            outcomes[index] = new IngestionOutcome(index, item.Envelope.Id, item.Envelope.Source, verdicts[i].Status, verdicts[i].Problem);
        }

        foreach (var outcome in outcomes) metrics.Record(posted[outcome!.Index].Envelope?.Type, outcome.Status.ToString().ToLowerInvariant());
        return outcomes!;
    }

    private Prepared Prepare(PostedEvent posted)
    {
        if (posted.Envelope is not { } envelope) return new Prepared(null, posted.Problem);
        return _handlers.TryGetValue(envelope.Type, out var handler) ? handler.Prepare(envelope) : new Prepared(null, RoutingProblem(envelope));
    }

    private Problem RoutingProblem(CloudEventEnvelope envelope) =>
        CatalogueEventTypes.All.Contains(envelope.Type) && ServiceIdentity.OwnerOf(envelope.Type) is { } owner && owner != service
            ? Problem.Field(ProblemKind.WrongService, "type",
                $"'{envelope.Type}' belongs to the {owner.Name} service; post it to that service's /events (this is {service.Name}).")
            : Problem.Field(ProblemKind.UnknownEventType, "type",
                $"'{envelope.Type}' is not an event type that {service.Name} takes ({string.Join(", ", _handlers.Keys.Order())}).");

    private async Task<IReadOnlyList<Verdict>> DecideAndCommitAsync(List<IPendingEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return [];
        for (var attempt = 1; ; attempt++)
        {
            // The events carry the current span (StreamAppends), so the outbox's publish continues this trace.
            await using var session = store.LightweightSession();
            var decided = BatchDecision.Decide(batch, await LoadAsync(session, batch, cancellationToken));
            if (!decided.WritesAnything) return decided.Verdicts;

            Stage(session, decided, clock.GetUtcNow());
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return decided.Verdicts;
            }
            catch (Exception ex) when (ConcurrencyConflicts.IsLostRace(ex))
            {
                if (attempt == MaxAttempts) throw new IngestionBusyException(attempt, ex);
                logger.LogInformation("A concurrent writer changed streams of this batch; deciding its {Count} events again (attempt {Attempt})", batch.Count, attempt + 1);
                // Jitter, growing, so that writers who collided do not collide again in step.
                await Task.Delay(Random.Shared.Next(5, 25 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Every stream the batch reads, in one query, then its records, claims and keys in one batch:
    /// two round trips whatever the batch holds (Marten's <c>FetchStream</c> is one statement per
    /// stream, and 500 of them cost more than the commit).
    /// </summary>
    private async Task<StoredFacts> LoadAsync(IDocumentSession session, List<IPendingEvent> batch, CancellationToken cancellationToken)
    {
        var events = await StreamStates.EventsOfAsync(session, batch.SelectMany(p => p.Reads).Distinct().ToArray(), cancellationToken);

        var query = session.CreateBatchQuery();
        var records = query.LoadMany<IngestionRecord>().ById(batch.Select(p => p.Envelope.Key).Distinct().ToArray());
        var claimIds = batch.SelectMany(p => p.Claims).Select(c => c.Id).Distinct().ToArray();
        var claims = claimIds.Length == 0 ? Task.FromResult<IReadOnlyList<UniqueClaim>>([]) : query.LoadMany<UniqueClaim>().ById(claimIds);
        var keys = protection is null
            ? Task.FromResult<IReadOnlyList<PersonalDataKey>>([])
            : query.LoadMany<PersonalDataKey>().ById(batch.Select(p => p.Envelope.Subject).Distinct().ToArray());
        await query.Execute(cancellationToken);

        // The stream's version is its last event's, whatever the decisions' folds make of the events.
        var loaded = events.GroupBy(e => e.StreamId)
            .ToDictionary(s => s.Key, s => new StoredStream(s.Max(e => e.Version), s.Select(e => e.Data).ToList()));
        return new StoredFacts((await records).ToDictionary(r => r.Id), (await claims).ToDictionary(c => c.Id), loaded,
            new KeyRing((await keys).ToDictionary(k => k.Id), protects: protection is not null));
    }

    private void Stage(IDocumentSession session, DecidedBatch decided, DateTimeOffset now)
    {
        session.AppendToStreams(decided.Appends, now);

        session.InsertAll(decided.Accepted.Select(a => new IngestionRecord(a.Envelope.Key, a.Fingerprint, a.Envelope.Type, a.Envelope.Subject, now)).ToList(), r => r.Id);
        session.InsertAll(decided.NewClaims.ToList(), c => c.Id);

        // Keys go in with the first events sealed under them; an erasure leaves a tombstone and
        // drops the returnee's claims (keyed hashes, but nothing of them need stay) in the same commit.
        session.InsertAll(decided.Keys.Made(decided.Accepted.Select(a => a.Envelope.Subject).ToHashSet()).ToList(), k => k.Id);
        foreach (var erased in decided.Appends.Values.SelectMany(a => a.Events).OfType<IErasesPersonalData>().Select(e => e.ReturneeId).Distinct())
        {
            session.Store(new PersonalDataKey(erased, null, now));
            session.DeleteWhere<UniqueClaim>(c => c.Owner == erased);
            foreach (var step in protection?.ErasureSteps ?? []) step.Stage(session, erased);
        }
    }
}

/// <summary>A batch kept losing races to concurrent writers: nothing of it was stored; the caller retries (503).</summary>
public sealed class IngestionBusyException(int attempts, Exception inner)
    : Exception($"The batch lost {attempts} commits in a row to concurrent writers of the same streams.", inner);
