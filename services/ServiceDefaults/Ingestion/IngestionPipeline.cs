using Marten;
using Microsoft.Extensions.Logging;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reference;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// Decides and stores a batch of partner events. Events are decided in array order against the
/// state loaded once for the whole batch (and evolved in memory as earlier events of the batch
/// are accepted), then everything accepted is committed in ONE transaction with its
/// <see cref="IngestionRecord"/>s and <see cref="UniqueClaim"/>s: one commit per event is about
/// thirty times slower. If that commit fails because another writer got there first, the accepted
/// events are decided again on fresh state (the whole batch once, then one transaction each), so
/// each still gets its own true answer.
/// </summary>
public sealed class IngestionPipeline(
    IDocumentStore store,
    IEnumerable<ICloudEventHandler> handlers,
    ServiceIdentity service,
    IngestionMetrics metrics,
    TimeProvider clock,
    ILogger<IngestionPipeline> logger)
{
    /// <summary>How often one event is decided again after losing a race, before the request fails.</summary>
    private const int MaxAttempts = 8;

    private readonly Dictionary<string, ICloudEventHandler> _handlers = handlers.ToDictionary(h => h.EventType);

    public async Task<IReadOnlyList<IngestionOutcome>> IngestAsync(IReadOnlyList<PostedEvent> posted, CancellationToken cancellationToken)
    {
        using var activity = IngestionMetrics.Activity.StartActivity("ingest batch");
        activity?.SetTag("reintegration.batch.size", posted.Count);

        var outcomes = new IngestionOutcome?[posted.Count];
        var candidates = new List<Candidate>();
        for (var i = 0; i < posted.Count; i++)
        {
            if (Route(posted[i]) is { } handler) candidates.Add(new Candidate(i, posted[i].Envelope!, handler));
            else outcomes[i] = Reject(i, posted[i], posted[i].Problem ?? RoutingProblem(posted[i].Envelope!));
        }

        await DecideAndCommitAsync(candidates, outcomes, cancellationToken);

        foreach (var outcome in outcomes) metrics.Record(posted[outcome!.Index].Envelope?.Type, outcome.Status.ToString().ToLowerInvariant());
        return outcomes!;
    }

    private ICloudEventHandler? Route(PostedEvent posted) =>
        posted.Envelope is { } envelope && _handlers.TryGetValue(envelope.Type, out var handler) ? handler : null;

    private Problem RoutingProblem(CloudEventEnvelope envelope) =>
        CatalogueEventTypes.All.Contains(envelope.Type) && ServiceIdentity.OwnerOf(envelope.Type) is { } owner && owner != service
            ? Problem.Field(ProblemKind.WrongService, "type",
                $"'{envelope.Type}' belongs to the {owner.Name} service; post it to that service's /events (this is {service.Name}).")
            : Problem.Field(ProblemKind.UnknownEventType, "type",
                $"'{envelope.Type}' is not an event type that {service.Name} takes ({string.Join(", ", _handlers.Keys.Order())}).");

    private async Task DecideAndCommitAsync(List<Candidate> candidates, IngestionOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0) return;

        await using var session = store.LightweightSession();
        var batch = await LoadAsync(session, candidates, cancellationToken);
        var accepted = new List<Candidate>();

        foreach (var candidate in candidates)
        {
            var outcome = batch.Decide(candidate);
            outcomes[candidate.Index] = outcome;
            if (outcome.Status == IngestionStatus.Accepted) accepted.Add(candidate);
        }

        if (accepted.Count == 0) return;

        batch.Stage(session, clock.GetUtcNow());
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ConcurrencyConflicts.IsLostRace(ex))
        {
            if (candidates.Count == 1 && candidates[0].Attempt >= MaxAttempts) throw;
            // Decide again on fresh state: the whole batch once (usually one subject raced, and
            // the rest still go in one commit), then what is left one transaction each.
            var retry = accepted.Select(c => c with { Attempt = c.Attempt + 1 }).ToList();
            logger.LogInformation("A concurrent writer changed subjects of this batch; deciding its {Count} accepted events again", accepted.Count);
            if (retry.Count > 1 && candidates[0].Attempt == 0)
            {
                await DecideAndCommitAsync(retry, outcomes, cancellationToken);
                return;
            }

            foreach (var candidate in retry)
            {
                // A little jitter so that writers who collided do not collide again in step.
                await Task.Delay(Random.Shared.Next(5, 20 * candidate.Attempt), cancellationToken);
                await DecideAndCommitAsync([candidate], outcomes, cancellationToken);
            }
        }
    }

    /// <summary>Everything the batch's decisions read: records and claims in one round trip, then each state type's streams in one query.</summary>
    private static async Task<BatchState> LoadAsync(IDocumentSession session, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var reads = candidates.ToDictionary(c => c.Index, c => c.Handler.Read(c.Envelope));
        var claimIds = candidates
            .Where(c => reads[c.Index].Data is not null)
            .SelectMany(c => c.Handler.Claims(c.Envelope, reads[c.Index].Data!))
            .Select(c => c.Id).Distinct().ToArray();

        var query = session.CreateBatchQuery();
        var records = query.LoadMany<IngestionRecord>().ById(candidates.Select(c => c.Envelope.Key).Distinct().ToArray());
        var claims = claimIds.Length == 0 ? Task.FromResult<IReadOnlyList<UniqueClaim>>([]) : query.LoadMany<UniqueClaim>().ById(claimIds);
        await query.Execute(cancellationToken);

        var stateByKey = new Dictionary<(Type, Guid), object>();
        foreach (var group in candidates.GroupBy(c => c.Handler.StateType))
        {
            var loaded = await group.First().Handler.LoadStatesAsync(session, group.Select(c => c.Envelope.Subject).Distinct().ToArray(), cancellationToken);
            foreach (var (id, state) in loaded) stateByKey[(group.Key, id)] = state;
        }

        return new BatchState((await records).ToDictionary(r => r.Id), reads, (await claims).ToDictionary(c => c.Id), stateByKey);
    }

    private static IngestionOutcome Reject(int index, PostedEvent posted, Problem problem) =>
        new(index, posted.Id, posted.Source, IngestionStatus.Rejected, problem);

    private sealed record Candidate(int Index, CloudEventEnvelope Envelope, ICloudEventHandler Handler, int Attempt = 0);

    /// <summary>What the batch knows: stored facts as loaded, plus what its earlier events added.</summary>
    private sealed class BatchState(
        Dictionary<string, IngestionRecord> records,
        Dictionary<int, (object? Data, Problem? Problem)> reads,
        Dictionary<string, UniqueClaim> claims,
        Dictionary<(Type, Guid), object> states)
    {
        private readonly HashSet<(Type, Guid)> _loaded = [.. states.Keys];
        private readonly Dictionary<Guid, (long? LoadedVersion, List<object> Events)> _appends = new();
        private readonly List<CloudEventEnvelope> _accepted = [];
        private readonly List<UniqueClaim> _newClaims = [];

        public IngestionOutcome Decide(Candidate candidate)
        {
            var envelope = candidate.Envelope;
            var outcome = new IngestionOutcome(candidate.Index, envelope.Id, envelope.Source, IngestionStatus.Rejected);

            if (records.TryGetValue(envelope.Key, out var record))
                return record.Fingerprint == envelope.Fingerprint
                    ? outcome with { Status = IngestionStatus.Duplicate }
                    : outcome with { Problem = new Problem(ProblemKind.ContentMismatch,
                        $"Event '{envelope.Id}' from '{envelope.Source}' was accepted before with other content. Send a new id for a new fact.") };

            var (data, problem) = reads[candidate.Index];
            if (problem is not null) return outcome with { Problem = problem };

            var wanted = candidate.Handler.Claims(envelope, data!);
            if (wanted.FirstOrDefault(c => claims.TryGetValue(c.Id, out var held) && held.Owner != c.Owner) is { } taken)
                return outcome with { Problem = new Problem(ProblemKind.Contradiction, taken.ConflictDetail) };

            var stateKey = (candidate.Handler.StateType, envelope.Subject);
            var state = states.GetValueOrDefault(stateKey);
            var decision = candidate.Handler.Decide(state, envelope, data!);
            if (decision is Decision.Reject reject) return outcome with { Problem = reject.Problem };

            var events = ((Decision.Accept)decision).Events;
            if (events.Count > 0)
            {
                if (!_appends.TryGetValue(envelope.Subject, out var append))
                    _appends[envelope.Subject] = append = (_loaded.Contains(stateKey) ? ((IHasStreamVersion)state!).Version : null, []);
                append.Events.AddRange(events);
                if (candidate.Handler.Evolve(state, envelope.Subject, events) is { } next) states[stateKey] = next;
            }

            records[envelope.Key] = new IngestionRecord(envelope.Key, envelope.Fingerprint, envelope.Type, envelope.Subject, default);
            _accepted.Add(envelope);
            foreach (var claim in wanted.Where(c => !claims.ContainsKey(c.Id)))
            {
                claims[claim.Id] = claim;
                _newClaims.Add(claim);
            }

            return outcome with { Status = IngestionStatus.Accepted };
        }

        public void Stage(IDocumentSession session, DateTimeOffset now)
        {
            foreach (var (subject, (loadedVersion, events)) in _appends)
            {
                if (loadedVersion is { } version) session.Events.Append(subject, version + events.Count, events);
                else session.Events.StartStream(subject, events);
            }

            foreach (var envelope in _accepted)
                session.Insert(new IngestionRecord(envelope.Key, envelope.Fingerprint, envelope.Type, envelope.Subject, now));
            foreach (var claim in _newClaims) session.Insert(claim);
        }
    }
}
