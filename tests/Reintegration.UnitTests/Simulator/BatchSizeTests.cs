using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;
using static Reintegration.UnitTests.Simulator.ProgrammeFactsBuilder;

namespace Reintegration.UnitTests.Simulator;

/// <summary>Batches keep to the catalogue's limits: 500 events, and 1 MiB of body.</summary>
public sealed class BatchSizeTests
{
    [Fact]
    public void Trainings_of_thirty_workers_are_cut_at_one_MiB_before_five_hundred_events()
    {
        var trainings = Enumerable.Range(0, 500).Select(_ => CloudEventFactory.Training(
            TrainingOf(Day(3, 1), "mhgap", "kita", [.. Enumerable.Range(0, 30).Select(_ => Trainee(Guid.NewGuid(), completed: true, pre: 40, post: 70))]))).ToList();

        var batches = PostingBatch.Chunk(trainings, PostingPlan.MaxBatchSize).Select((events, i) => PostingBatch.Of(i, PartnerService.Training, "trainings", events)).ToList();

        Assert.True(batches.Count > 1);
        Assert.All(batches, b => Assert.InRange(b.Utf8Json.Length, 1, PostingBatch.MaxBytes));
        Assert.Equal(trainings.Select(t => t.Id), batches.SelectMany(b => b.Events).Select(e => e.Id));
    }

    [Fact]
    public void Small_events_are_cut_at_five_hundred()
    {
        var programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = 1200, Seed = 3 });

        var sizes = PostingBatch.Chunk(programme.RegistrationEvents, PostingPlan.MaxBatchSize).Select(c => c.Count).ToList();

        Assert.Equal([500, 500, 200], sizes);
    }
}
