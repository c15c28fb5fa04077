namespace Reintegration.Contracts;

// What Training tells Reporting about capacity building and community work. Workers are named by
// their UUID only (no organisation, no trainer, no facilitator); returnees by theirs.

/// <summary>A training was delivered: its course, region and dates, and per participant what the indicators count.</summary>
public sealed record TrainingDelivered(
    Guid TrainingId,
    DateTimeOffset DeliveredAt,
    string Course,
    string Region,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<TrainedWorker> Participants);

/// <summary>One participant of a training: sex, role, whether they completed it, and the test scores (0–100) where taken.</summary>
public sealed record TrainedWorker(Guid WorkerId, string Sex, string Role, bool Completed, int? PreTestScore, int? PostTestScore);

/// <summary>A worker was certified for a course.</summary>
public sealed record WorkerCertified(Guid WorkerId, DateTimeOffset CertifiedAt, string Course);

/// <summary>A workshop was held for these returnees (IASC layer 2).</summary>
public sealed record WorkshopHeld(Guid WorkshopId, DateTimeOffset HeldAt, string Kind, string Region, IReadOnlyList<Guid> Participants);
