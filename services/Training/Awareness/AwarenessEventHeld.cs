namespace Reintegration.Training.Awareness;

/// <summary>An awareness event was held and reached these people.</summary>
public sealed record AwarenessEventHeld(
    Guid AwarenessEventId,
    DateTimeOffset Time,
    string Source,
    string Kind,
    string Region,
    string? Commune,
    PeopleReached Reached,
    IReadOnlyList<Guid> ReturneeParticipants);

public sealed record PeopleReached(int Women, int Men, int Girls, int Boys)
{
    public int Total => Women + Men + Girls + Boys;
}
