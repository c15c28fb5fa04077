using Reintegration.ServiceDefaults.Privacy;
using Reintegration.Intake.Registration;

namespace Reintegration.Intake.Consent;

/// <summary>
/// The returnee's consent changed: the fields as posted (null: not stated) and the consent as it
/// then stands (<see cref="Current"/>). <c>DataProcessing: false</c> is a withdrawal, followed in
/// the same append by <see cref="ReturneeErased"/>.
/// </summary>
public sealed record ConsentUpdated(
    Guid ReturneeId,
    DateTimeOffset Time,
    string Source,
    bool? DataProcessing,
    bool? Counselling,
    bool? FollowUpContact,
    IReadOnlyList<string>? DataSharing,
    ConsentGiven Current)
{
    public bool Withdraws => DataProcessing == false;
}

/// <summary>
/// Consent to data processing was withdrawn: the returnee's personal data is to be erased (the
/// key store hooks its key deletion to this event) and nothing more about them is accepted.
/// Their anonymous facts stay.
/// </summary>
public sealed record ReturneeErased(Guid ReturneeId, DateTimeOffset Time) : IErasesPersonalData;
