using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Privacy;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>The answer for one event of a batch (its status, and why where rejected).</summary>
public sealed record Verdict(IngestionStatus Status, Problem? Problem = null);

/// <summary>What a decided batch writes: each appended stream with the version it was loaded at, the records and the new claims.</summary>
public sealed record DecidedBatch(
    IReadOnlyList<Verdict> Verdicts,
    IReadOnlyDictionary<Guid, StreamAppend> Appends,
    IReadOnlyList<(CloudEventEnvelope Envelope, string Fingerprint)> Accepted,
    IReadOnlyList<UniqueClaim> NewClaims,
    KeyRing Keys)
{
    public bool WritesAnything => Accepted.Count > 0;
}

/// <summary>
/// Decides a batch in array order against the facts loaded for it, each accepted event's
/// appends, record and claims visible to the events after it: a contradiction or a reused
/// partner reference inside one batch is caught like one against stored facts. Pure.
/// </summary>
public static class BatchDecision
{
    public static DecidedBatch Decide(IReadOnlyList<IPendingEvent> batch, StoredFacts facts)
    {
        var records = facts.Records.ToDictionary(r => r.Key, r => r.Value.Fingerprint);
        var claims = facts.Claims.ToDictionary(c => c.Key, c => c.Value);
        var keys = facts.Keys ?? KeyRing.None;
        var streams = new StreamSet(facts.Streams, batch.SelectMany(p => p.Reads).ToHashSet(), keys);
        var verdicts = new List<Verdict>(batch.Count);
        var accepted = new List<(CloudEventEnvelope, string)>();
        var newClaims = new List<UniqueClaim>();

        foreach (var pending in batch)
        {
            var envelope = pending.Envelope;
            if (records.TryGetValue(envelope.Key, out var fingerprint))
            {
                // Once a returnee's data is erased their records cannot be compared (the key is
                // gone): a resent event is answered as already known, and changes nothing.
                verdicts.Add(fingerprint == keys.Fingerprint(envelope.Subject, envelope.Fingerprint) || keys.IsErased(envelope.Subject)
                    ? new Verdict(IngestionStatus.Duplicate)
                    : new Verdict(IngestionStatus.Rejected, new Problem(ProblemKind.ContentMismatch,
                        $"Event '{envelope.Id}' from '{envelope.Source}' was accepted before with other content. Send a new id for a new fact.")));
                continue;
            }

            if (pending.Claims.FirstOrDefault(c => claims.TryGetValue(c.Id, out var held) && held.Owner != c.Owner) is { } taken)
            {
                verdicts.Add(new Verdict(IngestionStatus.Rejected, new Problem(ProblemKind.Contradiction, taken.ConflictDetail)));
                continue;
            }

            var decision = pending.Decide(streams);
            if (decision is Decision.Reject reject)
            {
                verdicts.Add(new Verdict(IngestionStatus.Rejected, reject.Problem));
                continue;
            }

            foreach (var append in ((Decision.Accept)decision).Appends)
                streams.Add(append.Stream ?? envelope.Subject, append.Event);
            records[envelope.Key] = keys.Fingerprint(envelope.Subject, envelope.Fingerprint);
            accepted.Add((envelope, records[envelope.Key]));
            foreach (var erased in ((Decision.Accept)decision).Appends.Select(a => a.Event).OfType<IErasesPersonalData>()) keys.Erase(erased.ReturneeId);
            foreach (var claim in pending.Claims.Where(c => claims.TryAdd(c.Id, c))) newClaims.Add(claim);
            verdicts.Add(new Verdict(IngestionStatus.Accepted));
        }

        var appends = streams.Added.ToDictionary(s => s.Key, s => new StreamAppend(streams.LoadedVersion(s.Key), s.Value));
        return new DecidedBatch(verdicts, appends, accepted, newClaims, keys);
    }
}
