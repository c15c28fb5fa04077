using FluentValidation;
using Reintegration.Intake.Cases;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.Intake.Consent;

/// <summary>
/// <c>reintegration.intake.consent-updated.v1</c>. Each field stands as its latest update by
/// <c>time</c> says, so a late-synced older update does not undo a newer one. A withdrawal of
/// consent to data processing is accepted whatever the case's status and is final.
/// </summary>
public sealed class UpdateConsent : CloudEventHandler<ConsentUpdateData, ConsentUpdated>
{
    public const string Type = "reintegration.intake.consent-updated.v1";

    public override string EventType => Type;

    protected override IValidator<ConsentUpdateData> Validator { get; } = new ConsentUpdateRules();

    protected override ConsentUpdated ToCommand(CloudEventEnvelope envelope, ConsentUpdateData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, data.DataProcessing, data.Counselling, data.FollowUpContact, data.DataSharing,
            Current: null!); // decided in Decide, against the case

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, ConsentUpdated update)
    {
        var withdrawal = update.Withdraws;
        if (withdrawal && states.Get<ReturneeCase>(envelope.Subject) is { Erased: not null })
            return Decision.AlreadyKnown;

        // The right to withdraw does not depend on the case being open.
        var (state, refusal) = withdrawal ? CaseRules.Registered(states, envelope) : CaseRules.OpenAt(states, envelope);
        if (refusal is not null) return refusal;

        var known = state!.ConsentUpdates.FirstOrDefault(u => ReturneeCase.SameFact(u with { Current = null! }, update with { Current = null! }));
        if (known is not null) return Decision.AlreadyKnown;

        var decided = update with { Current = Overlay(state.Registration.Consent, [.. state.ConsentUpdates, update]) };
        return withdrawal ? Decision.Append(decided, new ReturneeErased(update.ReturneeId, update.Time)) : Decision.Append(decided);
    }

    /// <summary>The registration's consent with every update applied in order of time (arrival order breaking ties); a withdrawal is final.</summary>
    public static ConsentGiven Overlay(ConsentGiven registered, IEnumerable<ConsentUpdated> updates)
    {
        var ordered = updates.Select((u, i) => (u, i)).OrderBy(x => x.u.Time).ThenBy(x => x.i).Select(x => x.u).ToList();
        var consent = ordered.Aggregate(registered, (c, u) => new ConsentGiven(
            u.DataProcessing ?? c.DataProcessing, u.Counselling ?? c.Counselling, u.FollowUpContact ?? c.FollowUpContact, u.DataSharing ?? c.DataSharing));
        return ordered.Any(u => u.Withdraws) ? consent with { DataProcessing = false } : consent;
    }
}
