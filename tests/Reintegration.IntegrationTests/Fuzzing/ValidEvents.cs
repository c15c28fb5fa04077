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

    private static (Programme Programme, ILookup<string, PartnerEvent> ByType) Of(int seed)
    {
        if (Programmes.Count > 256) Programmes.Clear(); // a long fuzz run draws many seeds
        return Programmes.GetOrAdd(seed, s =>
        {
            var programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = Returnees, Seed = s });
            return (programme, programme.Events.ToLookup(e => e.Type));
        });
    }
}
