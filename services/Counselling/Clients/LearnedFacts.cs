namespace Reintegration.Counselling.Clients;

// What Counselling keeps of what Intake tells it, on the returnee's learned-facts stream: only
// what a decision must respect, each with the time it happened in the field. No reasons (a
// closure's reason, such as "deceased", is Intake's to keep), no sharing list, no follow-up flag.

/// <summary>The returnee's consent as it stands after a change at Intake.</summary>
public sealed record ConsentNoted(Guid ReturneeId, DateTimeOffset ChangedAt, bool DataProcessing, bool Counselling) : IAboutReturnee;

/// <summary>The case was closed: activity dated after <see cref="ClosedAt"/> is refused until a reopening.</summary>
public sealed record ClosureNoted(Guid ReturneeId, DateTimeOffset ClosedAt);

/// <summary>The case was reopened at <see cref="ReopenedAt"/>.</summary>
public sealed record ReopeningNoted(Guid ReturneeId, DateTimeOffset ReopenedAt);

/// <summary>Consent to data processing was withdrawn and the returnee's personal data erased at Intake: final.</summary>
public sealed record ErasureNoted(Guid ReturneeId, DateTimeOffset ErasedAt) : IAboutReturnee;
