namespace Reintegration.PartnerSimulator.Generation;

// Training's facts: trainings of workers, certifications, workshops and awareness events, each
// with its own region (a certification has the region of the training it names).

/// <summary>A worker in a training: who they are, and how they did.</summary>
public sealed record TraineeFact
{
    public required Guid WorkerId { get; init; }
    public required string Sex { get; init; }
    public required string Role { get; init; }
    public required string Organisation { get; init; }
    public int? PreTestScore { get; init; }
    public int? PostTestScore { get; init; }
    public required bool Completed { get; init; }
}

/// <summary><c>training-delivered.v1</c>: 10–30 workers of the region.</summary>
public sealed record TrainingFact
{
    public required string EventId { get; init; }

    /// <summary>The training's UUID: the CloudEvent's <c>subject</c>.</summary>
    public required Guid Id { get; init; }

    /// <summary>The CloudEvent's <c>time</c>: the evening the training ended.</summary>
    public required DateTimeOffset Time { get; init; }

    public required string Course { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }
    public required string Region { get; init; }
    public required string Trainer { get; init; }
    public required IReadOnlyList<TraineeFact> Participants { get; init; }
}

/// <summary><c>worker-certified.v1</c>: a worker who completed <see cref="TrainingId"/>, of its course, after it.</summary>
public sealed record CertificationFact
{
    public required string EventId { get; init; }

    /// <summary>The worker's UUID: the CloudEvent's <c>subject</c>.</summary>
    public required Guid WorkerId { get; init; }

    public required DateTimeOffset Time { get; init; }
    public required string Course { get; init; }
    public required Guid TrainingId { get; init; }
}

/// <summary><c>workshop-held.v1</c>: 1–100 returnees of the workshop's region.</summary>
public sealed record WorkshopFact
{
    public required string EventId { get; init; }

    /// <summary>The workshop's UUID: the CloudEvent's <c>subject</c>.</summary>
    public required Guid Id { get; init; }

    public required DateTimeOffset Time { get; init; }
    public required string Kind { get; init; }
    public required string Region { get; init; }
    public required string Facilitator { get; init; }
    public required IReadOnlyList<Guid> Participants { get; init; }
}

/// <summary>An awareness event held by the training partner.</summary>
public sealed record AwarenessEventFact
{
    public required int Number { get; init; }

    /// <summary>The CloudEvent's <c>id</c> (source <c>urn:partner:un-agency-training</c>).</summary>
    public required string EventId { get; init; }

    /// <summary>The awareness event's UUID: the CloudEvent's <c>subject</c>.</summary>
    public required Guid Id { get; init; }

    public required DateTimeOffset Time { get; init; }
    public required string Kind { get; init; }
    public required string Region { get; init; }
    public string? Commune { get; init; }
    public required int Women { get; init; }
    public required int Men { get; init; }
    public required int Girls { get; init; }
    public required int Boys { get; init; }

    /// <summary>Registered returnees of the same region who took part; empty when none were named.</summary>
    public required IReadOnlyList<Guid> ReturneeParticipants { get; init; }

    /// <summary>The catalogue's people-reached contribution: women + men + girls + boys.</summary>
    public int PeopleReached => Women + Men + Girls + Boys;
}
