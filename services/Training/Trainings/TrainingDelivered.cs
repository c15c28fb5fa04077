namespace Reintegration.Training.Trainings;

/// <summary>A training was delivered to these workers.</summary>
public sealed record TrainingDelivered(
    Guid TrainingId,
    DateTimeOffset Time,
    string Source,
    string Course,
    DateOnly StartDate,
    DateOnly EndDate,
    string Region,
    string Trainer,
    IReadOnlyList<TrainedWorker> Participants);

/// <summary>One worker in a training: who they work as and for, their test scores (0–100, each optional) and whether they completed it.</summary>
public sealed record TrainedWorker(Guid WorkerId, string Sex, string Role, string Organisation, int? PreTestScore, int? PostTestScore, bool Completed);
