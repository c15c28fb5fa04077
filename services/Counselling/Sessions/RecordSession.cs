using FluentValidation;
using Reintegration.Counselling.Clients;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.Counselling.Sessions;

/// <summary>
/// <c>reintegration.counselling.session-held.v1</c>. Accepted before the returnee's registration
/// is known here (a field office may sync sessions first); refused once the returnee is known to
/// have refused counselling.
/// </summary>
public sealed class RecordSession : CloudEventHandler<SessionData, SessionHeld>
{
    public const string Type = "reintegration.counselling.session-held.v1";

    public override string EventType => Type;

    protected override IValidator<SessionData> Validator { get; } = new SessionRules();

    protected override SessionHeld ToCommand(CloudEventEnvelope envelope, SessionData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, data.Format!, data.Modality!, data.Intervention!, data.DurationMinutes!.Value, data.Counsellor!);

    /// <summary>What Intake told about the returnee, kept apart from the returnee's own stream (see <see cref="LearnedStreams"/>).</summary>
    protected override IReadOnlyList<Guid> Reads(CloudEventEnvelope envelope, SessionHeld session) => [envelope.Subject, LearnedStreams.For(envelope.Subject)];

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, SessionHeld session) =>
        states.Get<CounsellingClient>(LearnedStreams.For(envelope.Subject))?.CounsellingConsent == false
            ? Decision.Forbidden($"Returnee {envelope.Subject} has not consented to counselling; no session can be recorded.")
            : Decision.Append(session);
}
