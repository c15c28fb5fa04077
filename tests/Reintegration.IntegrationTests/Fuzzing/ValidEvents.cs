using System.Collections.Concurrent;
using CsCheck;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>
/// Valid events of every catalogue type, from the partner simulator: CsCheck draws the
/// simulator's seed, the type and which event of that type. Same seed, same programme, so a
/// failing case replays byte for byte.
/// </summary>
public static class ValidEvents
{
    /// <summary>Small programmes: every type occurs (trainings and workshops do not depend on the caseload).</summary>
    public const int Returnees = 12;

    private static readonly ConcurrentDictionary<int, (Programme Programme, ILookup<string, PartnerEvent> ByType)> Programmes = new();

    public static Programme Programme(int seed) => Of(seed).Programme;

    /// <summary>Seeds 1..<paramref name="seeds"/> of the simulator (its ids are tagged by the seed, so a seed drawn again is answered duplicate).</summary>
    public static Gen<PartnerEvent> Any(int seeds = 400) =>
        Gen.Select(Gen.Int[1, seeds], Gen.Int[0, EventTypes.All.Count - 1], Gen.Int[0, 10_000], (seed, type, pick) =>
        {
            var (programme, byType) = Of(seed);
            var ofType = byType[EventTypes.All[type]].ToList();
            // A small programme may hold no event of a rare type (a reopening): any of its events then.
            return ofType.Count > 0 ? ofType[pick % ofType.Count] : programme.Events[pick % programme.Events.Count];
        });

    /// <summary>
    /// One to eight consecutive events of a batch of the simulator's posting plan: a registration
    /// with its case's next events, sessions with their assessments and referrals, so that what an
    /// event depends on comes with it and the decisions, not only the validation, are reached.
    /// </summary>
    public static Gen<PartnerEvent[]> Run(int seeds = 400) =>
        Gen.Select(Gen.Int[1, seeds], Gen.Int[0, 10_000], Gen.Int[0, 10_000], Gen.Int[1, 8], (seed, batch, start, length) =>
        {
            var batches = Plans.GetOrAdd(seed, s => Of(s).Programme.Batches(batchSize: 40).Batches.Where(b => !b.IsRetry).ToList());
            var events = batches[batch % batches.Count].Events;
            var from = start % events.Count;
            return events.Skip(from).Take(length).ToArray();
        });

    private static readonly ConcurrentDictionary<int, List<Reintegration.PartnerSimulator.Posting.PostingBatch>> Plans = new();

    private static (Programme Programme, ILookup<string, PartnerEvent> ByType) Of(int seed)
    {
        if (Programmes.Count > 256) Programmes.Clear(); // a long fuzz run draws many seeds
        if (Plans.Count > 256) Plans.Clear();
        return Programmes.GetOrAdd(seed, s =>
        {
            var programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = Returnees, Seed = s });
            return (programme, programme.Events.ToLookup(e => e.Type));
        });
    }
}
