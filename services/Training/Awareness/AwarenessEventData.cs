namespace Reintegration.Training.Awareness;

/// <summary>The <c>data</c> of <c>reintegration.training.awareness-event-held.v1</c>, as posted.</summary>
public sealed record AwarenessEventData(string? Kind, string? Region, string? Commune, ReachedData? Reached, IReadOnlyList<Guid>? ReturneeParticipants);

public sealed record ReachedData(int? Women, int? Men, int? Girls, int? Boys);
