namespace Reintegration.ServiceDefaults.Hosting;

/// <summary>
/// What a service is: its name (also its database schema and telemetry service name) and the
/// CloudEvent type prefix it owns.
/// </summary>
public sealed record ServiceIdentity(string Name, string Schema, string? EventTypePrefix)
{
    public static readonly ServiceIdentity Intake = new("intake", "intake", "reintegration.intake.");
    public static readonly ServiceIdentity Counselling = new("counselling", "counselling", "reintegration.counselling.");
    public static readonly ServiceIdentity Training = new("training", "training", "reintegration.training.");
    public static readonly ServiceIdentity Reporting = new("reporting", "reporting", null);

    public static readonly IReadOnlyList<ServiceIdentity> All = [Intake, Counselling, Training, Reporting];

    /// <summary>The service that owns a CloudEvent type, to point a misdirected partner to it.</summary>
    public static ServiceIdentity? OwnerOf(string eventType) =>
        All.FirstOrDefault(s => s.EventTypePrefix is { } prefix && eventType.StartsWith(prefix, StringComparison.Ordinal));
}
