using FluentValidation;
using Reintegration.Counselling.Clients;
using Reintegration.Counselling.Sessions;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Counselling.GroupSessions;

/// <summary>
/// <c>reintegration.counselling.group-session-held.v1</c>: the subject is the session's UUID, held
/// once (the same report again is already known, other details a 409). The decision reads what
/// Counselling learned of every participant, in the batch's one round trip, and refuses the whole
/// session, naming each participant it must, when any was erased, refused counselling, or had
/// their case closed before the session's time (<see cref="RecordSession.WhyRefused"/>).
/// Participants not registered yet are accepted, as individual sessions are. So the session is
/// recorded for all its participants or for none: never half.
/// </summary>
public sealed class RecordGroupSession : CloudEventHandler<GroupSessionData, GroupSessionHeld>
{
    public const string Type = "reintegration.counselling.group-session-held.v1";

    public override string EventType => Type;

    protected override IValidator<GroupSessionData> Validator { get; } = new GroupSessionRules();

    protected override GroupSessionHeld ToCommand(CloudEventEnvelope envelope, GroupSessionData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, [.. data.Participants!], data.Topic!, data.Facilitator!, data.DurationMinutes!.Value, data.Region!);

    protected override IReadOnlyList<Guid> Reads(CloudEventEnvelope envelope, GroupSessionHeld session) =>
        [envelope.Subject, .. session.Participants.Select(LearnedStreams.For)];

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, GroupSessionHeld session)
    {
        if (states.Get<GroupSession>(envelope.Subject) is { } known)
            return known.SameAs(session)
                ? Decision.AlreadyKnown
                : Decision.Conflict($"Group session {envelope.Subject} is already recorded with other details.");

        var refused = new Dictionary<string, string[]>();
        for (var i = 0; i < session.Participants.Count; i++)
        {
            var participant = session.Participants[i];
            if (RecordSession.WhyRefused(states.Get<CounsellingClient>(LearnedStreams.For(participant)), participant, session.Time) is { } why)
                refused[$"data.participants[{i}]"] = [why];
        }

        if (refused.Count == 0) return Decision.Append(session);
        return new Decision.Reject(new Problem(ProblemKind.StateForbids,
            $"The group session cannot be recorded: {refused.Count} of its participants may not be recorded in it ({string.Join(", ", refused.Keys)}); "
            + "each is named in errors with the reason. Nothing of the session was stored: take them off the list (or settle their case at Intake) and send it again.",
            refused));
    }
}
