using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Training.TrainingEvents;

namespace Reintegration.UnitTests.Training;

public sealed class RecordingATrainingTests
{
    private readonly Guid _training = Guid.NewGuid();

    [Fact]
    public void A_training_reported_for_the_first_time_is_recorded() =>
        Trainings.Given().When(TrainingReport(_training, TrainingData())).Then(Delivered(_training));

    [Fact]
    public void The_same_training_reported_again_adds_nothing() =>
        Trainings.Given(Delivered(_training)).When(TrainingReport(_training, TrainingData())).ThenNothingNew();

    [Fact]
    public void The_same_training_reported_by_another_partner_adds_nothing() =>
        Trainings.Given(Delivered(_training)).When(TrainingReport(_training, TrainingData(), source: "urn:partner:un-agency-training")).ThenNothingNew();

    [Theory]
    [InlineData("course", "\"mhgap\"")]
    [InlineData("endDate", "\"2026-03-05\"")]
    [InlineData("trainer", "\"trainer-kayes-03\"")]
    public void A_correction_of_a_stored_training_is_a_conflict(string field, string value)
    {
        var problem = Trainings.Given(Delivered(_training)).When(TrainingReport(_training, TrainingData().Set(field, value))).ThenRejected(ProblemKind.Contradiction);
        Assert.Contains("correct", problem.Detail);
    }

    [Fact]
    public void A_participant_marked_completed_afterwards_is_a_correction_too()
    {
        var data = TrainingData();
        data["participants"]![2]!["completed"] = true;
        Trainings.Given(Delivered(_training)).When(TrainingReport(_training, data)).ThenRejected(ProblemKind.Contradiction);
    }
}
