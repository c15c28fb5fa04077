using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Intake.Cases;

/// <summary>
/// What every event after a registration checks first: the returnee is registered (in the store
/// or earlier in the same batch), has not withdrawn consent, and, for activity on the case, the
/// case was not closed before the event's time.
/// </summary>
public static class CaseRules
{
    /// <summary>The returnee's case, or the rejection that stops the event.</summary>
    public static (ReturneeCase? Case, Decision? Refusal) Registered(IStreamStates states, CloudEventEnvelope envelope)
    {
        var state = states.Get<ReturneeCase>(envelope.Subject);
        if (state is null)
            return (null, new Decision.Reject(new Problem(ProblemKind.NotRegistered,
                $"Returnee {envelope.Subject} is not registered at Intake. Post their registration first (earlier in the same batch will do), then this event again.")));
        if (state.Erased is not null)
            return (null, Decision.Forbidden($"Returnee {envelope.Subject} withdrew consent to data processing: nothing more about them is accepted."));
        return (state, null);
    }

    /// <summary>
    /// Activity on a case (consent, screening, plan, survey): refused when dated after the closure in
    /// force; dated at or before it (a late sync) it is accepted.
    /// </summary>
    public static (ReturneeCase? Case, Decision? Refusal) OpenAt(IStreamStates states, CloudEventEnvelope envelope)
    {
        var (state, refusal) = Registered(states, envelope);
        if (state?.Closure is { } closure && envelope.Time > closure.Time)
            return (null, Decision.Forbidden(
                $"Returnee {envelope.Subject}'s case was closed at {closure.Time:O} ({closure.Reason}); activity dated after it is refused until the case is reopened."));
        return (state, refusal);
    }

    /// <summary>Appends <paramref name="fact"/> unless the case already holds the same fact (the same event resent under a new id).</summary>
    public static Decision AppendNew<T>(IEnumerable<T> known, T fact) where T : notnull =>
        known.Any(k => ReturneeCase.SameFact(k, fact)) ? Decision.AlreadyKnown : Decision.Append(fact);
}
