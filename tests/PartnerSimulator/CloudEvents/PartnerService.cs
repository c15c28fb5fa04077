namespace Reintegration.PartnerSimulator.CloudEvents;

/// <summary>The service that owns an event type, and so receives it (catalogue: "Where to post").</summary>
public enum PartnerService
{
    Intake,
    Counselling,
    Training,
}
