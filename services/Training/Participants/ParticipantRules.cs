using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Training.Participants;

/// <summary>
/// Who may be recorded as a returnee participant (of a workshop, or of an awareness event): not a
/// returnee who withdrew consent to data processing (their data is erased), whatever the
/// activity's time, and not one whose case was closed before the activity's time and not reopened
/// by then. A returnee Training has heard nothing of is accepted. Counselling consent does not
/// apply.
/// </summary>
public static class ParticipantRules
{
    /// <summary>The learned-facts streams a decision about these participants reads (never version-checked).</summary>
    public static IEnumerable<Guid> StreamsOf(IEnumerable<Guid> participants) => participants.Select(LearnedStreams.For);

    /// <summary>The refusal naming each participant who may not be recorded (field <c>data.{field}[i]</c>); null when all may.</summary>
    public static Decision? Refusal(IStreamStates states, IReadOnlyList<Guid> participants, DateTimeOffset time, string field)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < participants.Count; i++)
            if (WhyRefused(states.Get<KnownReturnee>(LearnedStreams.For(participants[i])), participants[i], time) is { } why)
                errors[$"data.{field}[{i}]"] = [why];
        if (errors.Count == 0) return null;
        return new Decision.Reject(new Problem(ProblemKind.StateForbids,
            $"{errors.Count} of the {participants.Count} participants cannot be recorded: {string.Join(" ", errors.Values.Select(v => v[0]))} "
            + "Remove them from the list and send the event again.", errors));
    }

    /// <summary>Why a returnee may not take part at <paramref name="time"/>; null when nothing forbids it. Names only the returnee's id.</summary>
    public static string? WhyRefused(KnownReturnee? known, Guid returnee, DateTimeOffset time)
    {
        if (known is null) return null;
        if (known.Erased) return $"Returnee {returnee} withdrew consent to data processing and their data was erased.";
        if (known.ClosureInForceAt(time) is { } closedAt)
            return $"The case of returnee {returnee} was closed at {closedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, before this event's time (reopen it at Intake first).";
        return null;
    }
}
