using CsCheck;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>A mutant of one event of a programme: which batch, which event, how far after it, and the mutations.</summary>
public sealed record PlannedMutant(int Batch, int Event, int Offset, Mutation[] Mutations);

/// <summary>
/// A random programme of the simulator (its seed and batch size from CsCheck) with mutants of its
/// own events mixed into its batches. A mutant keeps its original's source and id and comes after
/// it, so it can never be accepted: it is a duplicate when the mutation changed nothing the
/// fingerprint reads, and rejected otherwise; the figures must be those of the programme alone.
/// </summary>
public sealed record FuzzedProgramme(int Seed, int BatchSize, PlannedMutant[] Mutants)
{
    public static readonly Gen<FuzzedProgramme> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[1, 1_000_000], CsCheck.Gen.Int[20, 200],
            CsCheck.Gen.Select(CsCheck.Gen.Int[0, 10_000], CsCheck.Gen.Int[0, 10_000], CsCheck.Gen.Int[0, 20], Mutation.AtLeastOne,
                (batch, e, offset, mutations) => new PlannedMutant(batch, e, offset, mutations)).Array[0, 16],
            (seed, batchSize, mutants) => new FuzzedProgramme(seed, batchSize, mutants));

    /// <summary>The programme's size follows from its seed: the same seed is always the same programme (its ids are tagged by it).</summary>
    public Programme Programme { get; } = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = 4 + Seed % 17, Seed = Seed });

    /// <summary>The plan's batches, each with its mutants after their originals; a mutant is marked as such.</summary>
    public IReadOnlyList<(PartnerService Service, IReadOnlyList<FuzzEvent> Events)> Posts()
    {
        var batches = Programme.Batches(BatchSize).Batches;
        var posts = batches.Select(b => (b.Service, Events: b.Events.Select(e => FuzzEvent.Of(e, [])).ToList())).ToList();
        foreach (var mutant in Mutants)
        {
            var (service, events) = posts[mutant.Batch % posts.Count];
            var originals = events.Where(e => !e.Mutated).ToList();
            var original = originals[mutant.Event % originals.Count];
            var at = events.IndexOf(original) + 1 + mutant.Offset % (events.Count - events.IndexOf(original));
            var source = batches[mutant.Batch % posts.Count].Events.First(e => e.Id == original.Id);
            events.Insert(Math.Min(at, events.Count), FuzzEvent.Of(source, mutant.Mutations, keepKey: true, batchSafe: true));
        }

        return [.. posts.Select(p => (p.Service, (IReadOnlyList<FuzzEvent>)p.Events))];
    }

    public override string ToString() =>
        $"simulator seed {Seed} ({Programme.Returnees.Count} returnees, {Programme.Events.Count} events), batches of {BatchSize}, mutants: " +
        string.Join("; ", Mutants.Select(m => $"batch {m.Batch} event {m.Event} +{m.Offset} [{string.Join(", ", m.Mutations)}]"));
}
