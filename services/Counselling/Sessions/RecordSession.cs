using FluentValidation;
using Reintegration.Counselling.Clients;
using Reintegration.Counselling.Records;
using Reintegration.Counselling.RiskFlags;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.Counselling.Sessions;

/// <summary>
/// <c>reintegration.counselling.session-held.v1</c>. Accepted before the returnee's registration
/// is known here (a field office may sync sessions first). Refused, once Counselling knows it,
/// when the returnee's data was erased (consent to data processing withdrawn), when their latest
/// counselling consent is a refusal, or when the session is dated after a closure of their case
/// that no reopening followed by then (one dated before the closure is a late sync: accepted).
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

    /// <summary>The session, and the follow-up of every risk flag it is the first contact after.</summary>
    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, SessionHeld session) =>
        WhyRefused(states.Get<CounsellingClient>(LearnedStreams.For(envelope.Subject)), envelope.Subject, session.Time) is { } detail
            ? Decision.Forbidden(detail)
            : Decision.Append([session, .. FollowUps.OfContact(states.Get<CounsellingRecord>(envelope.Subject), envelope.Subject, session.Time, FollowUps.BySession)]);

    /// <summary>Why what Counselling knows of the returnee forbids a session (or any other activity: every Counselling type) at <paramref name="time"/>; null when nothing does. Details name no one and hold no personal data.</summary>
    public static string? WhyRefused(CounsellingClient? client, Guid returnee, DateTimeOffset time, string what = "session")
    {
        if (client is null) return null;
        if (client.Erased)
            return $"Returnee {returnee} withdrew consent to data processing and their data was erased: nothing more about them can be recorded. Do not send this event again.";
        if (client.CounsellingRefused)
            return $"Returnee {returnee} has not consented to counselling; no {what} can be recorded. If they consent now, record the consent change at Intake first, then send the {what} again.";
        if (client.ClosureInForceAt(time) is { } closedAt)
            return $"The case of returnee {returnee} was closed at {closedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, before this {what}'s time; "
                + $"a {what} after the closure is recorded only once the case is reopened at Intake. Check the {what}'s time: one dated before the closure is accepted.";
        return null;
    }
}
