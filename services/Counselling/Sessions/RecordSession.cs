using FluentValidation;
using Reintegration.Counselling.Clients;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.Counselling.Sessions;

/// <summary>
/// <c>reintegration.counselling.session-held.v1</c>. Accepted before the returnee's registration
/// is known here (a field office may sync sessions first); refused once the returnee is known to
/// have refused counselling.
/// </summary>
public sealed class RecordSession : CloudEventHandler<SessionData, CounsellingClient>
{
    public const string Type = "reintegration.counselling.session-held.v1";

    public override string EventType => Type;

    protected override IValidator<SessionData> Validator { get; } = new SessionRules();

    public override Decision Decide(CounsellingClient? state, CloudEventEnvelope envelope, SessionData data) =>
        state?.CounsellingConsent == false
            ? Decision.Forbidden($"Returnee {envelope.Subject} has not consented to counselling; no session can be recorded.")
            : Decision.Append(new SessionHeld(envelope.Subject, envelope.Time, envelope.Source,
                data.Format!, data.Modality!, data.Intervention!, data.DurationMinutes!.Value, data.Counsellor!));
}
