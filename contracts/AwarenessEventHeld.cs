namespace Reintegration.Contracts;

/// <summary>An awareness event was held; <see cref="ReturneeParticipants"/> may be empty.</summary>
public sealed record AwarenessEventHeld(
    Guid AwarenessEventId,
    DateTimeOffset HeldAt,
    string Kind,
    string Region,
    int Women,
    int Men,
    int Girls,
    int Boys,
    IReadOnlyList<Guid> ReturneeParticipants);
