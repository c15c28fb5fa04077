namespace Reintegration.Intake.Audit;

/// <summary>
/// One answer that carried a returnee's identifying data: who (the token's subject), which
/// returnee, when, and the caller's source that allowed it. It never holds the data itself.
/// Stored append-only (<see cref="AuditLogStorage"/>).
/// </summary>
public sealed record IdentifyingRead(Guid Id, DateTimeOffset At, string Subject, Guid ReturneeId, string Source, string Action)
{
    public const string Read = "read";
    public const string Registered = "registered";

    /// <summary>A desk write on the case (consent, screening, plan, survey, closure, reopening) answered with the identifying view.</summary>
    public const string Updated = "updated";
}
