namespace Reintegration.Reporting.Activities;

// Reporting's records of what Training tells it: a stream per training, per worker and per
// workshop (and each workshop participant's journey). Indicators over them come with the
// Reporting issue (workers-trained, knowledge-gain, workers-certified, workshops).

/// <summary>A training as Reporting was told it, on the training's own stream.</summary>
public sealed record TrainingReported(
    Guid TrainingId, DateTimeOffset Time, string Course, string Region, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<TrainingParticipantReported> Participants);

public sealed record TrainingParticipantReported(Guid WorkerId, string Sex, string Role, bool Completed, int? PreTestScore, int? PostTestScore);

/// <summary>A worker's certificate, on the worker's own stream.</summary>
public sealed record WorkerCertificationReported(Guid WorkerId, DateTimeOffset Time, string Course);

/// <summary>A workshop, on the workshop's own stream.</summary>
public sealed record WorkshopReported(Guid WorkshopId, DateTimeOffset Time, string Kind, string Region, IReadOnlyList<Guid> Participants);
