namespace Reintegration.Training.Trainings;

/// <summary>The <c>data</c> of <c>reintegration.training.training-delivered.v1</c>, as posted; checked by <see cref="TrainingRules"/>.</summary>
public sealed record TrainingData(
    string? Course, DateOnly? StartDate, DateOnly? EndDate, string? Region, string? Trainer, IReadOnlyList<TrainingParticipantData?>? Participants);

public sealed record TrainingParticipantData(
    Guid? WorkerId, string? Sex, string? Role, string? Organisation, int? PreTestScore, int? PostTestScore, bool? Completed);
