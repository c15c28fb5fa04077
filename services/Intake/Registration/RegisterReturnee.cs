using FluentValidation;
using Reintegration.Intake.Cases;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Privacy;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Intake.Registration;

/// <summary>
/// <c>reintegration.intake.returnee-registered.v1</c>: the subject is the returnee's UUID, chosen
/// by the registering partner so a field office can register offline.
/// </summary>
public sealed class RegisterReturnee(IBlindIndex blindIndex) : CloudEventHandler<RegistrationData, Registration>
{
    public const string Type = "reintegration.intake.returnee-registered.v1";

    public override string EventType => Type;

    protected override IValidator<RegistrationData> Validator { get; } = new RegistrationRules();

    protected override IEnumerable<(string Field, string Message)> EnvelopeRules(CloudEventEnvelope envelope, RegistrationData data)
    {
        if (data.ArrivalDate > DateOnly.FromDateTime(envelope.Time.UtcDateTime))
            yield return ("arrivalDate", "must not be after the event's time");
    }

    /// <summary>A partner reference names one returnee within its source; the claim holds its keyed hash, never the reference.</summary>
    protected override IReadOnlyList<UniqueClaim> Claims(CloudEventEnvelope envelope, Registration registration) =>
    [
        new(PartnerReferenceClaimId(blindIndex, envelope.Source, registration.Identity.PartnerReference), envelope.Subject)
        {
            ConflictDetail = $"This partner reference of '{envelope.Source}' already names another returnee.",
        },
    ];

    /// <summary>
    /// The id of the claim that a partner reference names one returnee within its source: the one
    /// place that builds it (ingestion claims it, desk search looks it up). A keyed hash of the
    /// reference, never the reference.
    /// </summary>
    public static string PartnerReferenceClaimId(IBlindIndex blindIndex, string source, string partnerReference) =>
        $"partner-reference|{source}|{blindIndex.Of(source + "\n" + partnerReference)}";

    public override Decision Decide(IStreamStates states, CloudEventEnvelope envelope, Registration registration)
    {
        if (states.Keys.For(envelope.Subject) is not { } key)
            return Decision.Forbidden($"Returnee {envelope.Subject} withdrew consent to data processing; their data was erased and is not taken again.");
        var registered = registration.SealedWith(key);
        var state = states.Get<ReturneeCase>(envelope.Subject);
        if (state is null) return Decision.Append(registered);
        if (state.Erased is not null) return Decision.Forbidden($"Returnee {envelope.Subject} withdrew consent to data processing: nothing more about them is accepted.");

        // The same registration sent again under a new event id adds nothing; other details contradict it.
        return state.RegistrationFingerprint == ReturneeCase.Fingerprint(registered)
            ? Decision.AlreadyKnown
            : Decision.Conflict($"Returnee {envelope.Subject} is already registered with other details.");
    }

    protected override Registration ToCommand(CloudEventEnvelope envelope, RegistrationData data)
    {
        var arrival = data.ArrivalDate!.Value;
        var ageAtArrival = data.DateOfBirth is { } dob
            ? AgeGroup.YearsBetween(dob, arrival)
            // A stated age is the age when registered: take off the whole years since arrival.
            : Math.Max(0, data.Age!.Value - AgeGroup.YearsBetween(arrival, DateOnly.FromDateTime(envelope.Time.UtcDateTime)));

        var consent = data.Consent!;
        return new Registration(
            envelope.Subject,
            envelope.Time,
            envelope.Source,
            new ReturneeIdentityData(data.PartnerReference!, new PersonalDetails(data.GivenName!, data.FamilyName!, data.DateOfBirth, data.Age, data.Phone, data.Commune)),
            data.Sex!,
            ageAtArrival,
            AgeGroup.Of(ageAtArrival),
            data.Region!,
            data.ReturnedFrom!,
            arrival,
            data.ReturnType!,
            new ConsentGiven(consent.DataProcessing!.Value, consent.Counselling!.Value, consent.FollowUpContact!.Value, consent.DataSharing ?? []));
    }
}
