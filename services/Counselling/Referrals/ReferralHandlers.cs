using FluentValidation;
using Reintegration.Counselling.Clients;
using Reintegration.Counselling.Records;
using Reintegration.Counselling.Sessions;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.Counselling.Referrals;

/// <summary>
/// <c>reintegration.counselling.referral-made.v1</c>: <c>referralId</c> is unique per returnee;
/// the same referral again is already known, the same id with other details a 409. Refused as
/// sessions are (<see cref="RecordSession.WhyRefused"/>).
/// </summary>
public sealed class MakeReferral : CloudEventHandler<ReferralMadeData, ReferralMade>
{
    public const string Type = "reintegration.counselling.referral-made.v1";

    public override string EventType => Type;

    protected override IValidator<ReferralMadeData> Validator { get; } = new ReferralMadeRules();

    protected override ReferralMade ToCommand(CloudEventEnvelope envelope, ReferralMadeData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, data.ReferralId!.Value, data.Service!, data.Urgency!, data.Provider);

    protected override IReadOnlyList<Guid> Reads(CloudEventEnvelope envelope, ReferralMade command) => [envelope.Subject, LearnedStreams.For(envelope.Subject)];

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, ReferralMade referral)
    {
        if (RecordSession.WhyRefused(states.Get<CounsellingClient>(LearnedStreams.For(envelope.Subject)), envelope.Subject, referral.Time, "referral") is { } detail)
            return Decision.Forbidden(detail);
        if (states.Get<CounsellingRecord>(envelope.Subject)?.Referrals.GetValueOrDefault(referral.ReferralId) is not { } known) return Decision.Append(referral);
        return known.Made with { Source = referral.Source } == referral
            ? Decision.AlreadyKnown
            : Decision.Conflict($"Referral {referral.ReferralId} of returnee {envelope.Subject} is already recorded with other details (service, urgency, provider or time). A new referral needs a new referralId.");
    }
}

/// <summary>
/// <c>reintegration.counselling.referral-closed.v1</c>: closes a referral made earlier for the
/// returnee (an unknown one, or a closure dated before the referral, is a 422); the same outcome
/// again is already known, another outcome a 409. Refused as sessions are.
/// </summary>
public sealed class CloseReferral : CloudEventHandler<ReferralClosedData, ReferralClosed>
{
    public const string Type = "reintegration.counselling.referral-closed.v1";

    public override string EventType => Type;

    protected override IValidator<ReferralClosedData> Validator { get; } = new ReferralClosedRules();

    protected override ReferralClosed ToCommand(CloudEventEnvelope envelope, ReferralClosedData data) =>
        new(envelope.Subject, envelope.Time, envelope.Source, data.ReferralId!.Value, data.Outcome!);

    protected override IReadOnlyList<Guid> Reads(CloudEventEnvelope envelope, ReferralClosed command) => [envelope.Subject, LearnedStreams.For(envelope.Subject)];

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, ReferralClosed closure)
    {
        if (RecordSession.WhyRefused(states.Get<CounsellingClient>(LearnedStreams.For(envelope.Subject)), envelope.Subject, closure.Time, "referral closure") is { } detail)
            return Decision.Forbidden(detail);
        if (states.Get<CounsellingRecord>(envelope.Subject)?.Referrals.GetValueOrDefault(closure.ReferralId) is not { } referral)
            return Decision.Forbidden($"Returnee {envelope.Subject} has no referral {closure.ReferralId} recorded here. Send the referral-made event first, then the closure again.");
        if (referral.Closed is { } closed)
            return closed.Outcome == closure.Outcome
                ? Decision.AlreadyKnown
                : Decision.Conflict($"Referral {closure.ReferralId} of returnee {envelope.Subject} is already closed with another outcome.");
        if (closure.Time < referral.Made.Time)
            return Decision.Forbidden($"Referral {closure.ReferralId} of returnee {envelope.Subject} was made after this closure's time. Check the closure's time.");
        return Decision.Append(closure);
    }
}
