namespace Reintegration.Reporting.Activities;

/// <summary>Reporting's record of an awareness event, on the event's own stream.</summary>
public sealed record AwarenessEventReported(
    Guid AwarenessEventId, DateTimeOffset Time, string Kind, string Region, int Women, int Men, int Girls, int Boys, int ReturneeParticipants);
