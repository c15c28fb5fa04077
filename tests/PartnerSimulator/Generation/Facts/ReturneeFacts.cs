namespace Reintegration.PartnerSimulator.Generation;

// The facts of a generated programme, as plain records, so a test can compute the expected
// indicator figures with LINQ without parsing the CloudEvents back. Codes are the catalogue's
// strings (see CloudEvents.Codes), so they compare directly with indicator breakdown keys.

/// <summary>A returnee, as registered at Intake.</summary>
public sealed record ReturneeFact
{
    /// <summary>1-based number in generation order; the event id and partner reference carry it.</summary>
    public required int Number { get; init; }

    /// <summary>The returnee's UUID: the CloudEvent's <c>subject</c>.</summary>
    public required Guid Id { get; init; }

    /// <summary>The registration CloudEvent's <c>id</c> (source <c>urn:partner:ngo-field-app</c>).</summary>
    public required string EventId { get; init; }

    public required string PartnerReference { get; init; }
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }

    /// <summary><c>female</c> or <c>male</c>.</summary>
    public required string Sex { get; init; }

    /// <summary>Age in whole years on <see cref="ArrivalDate"/> (and still on the registration date).</summary>
    public required int AgeAtArrival { get; init; }

    /// <summary>The catalogue's age group from the age at arrival: <c>0-17</c>, <c>18-24</c>, <c>25-59</c>, <c>60+</c>.</summary>
    public required string AgeGroup { get; init; }

    /// <summary>
    /// Set when the registration sends <c>dateOfBirth</c>; null when it sends <c>age</c>
    /// (= <see cref="AgeAtArrival"/>). The birthday never falls between arrival and registration,
    /// so both readings of "age at arrival" give the same group.
    /// </summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>E.164, or null when the returnee has no phone.</summary>
    public string? Phone { get; init; }

    public required string Region { get; init; }
    public string? Commune { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code, upper case.</summary>
    public required string ReturnedFrom { get; init; }

    public required DateOnly ArrivalDate { get; init; }
    public required string ReturnType { get; init; }

    /// <summary>The registration's CloudEvent <c>time</c>.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>consent.counselling. Returnees who refused get no sessions.</summary>
    public required bool CounsellingConsent { get; init; }

    public required bool FollowUpContact { get; init; }
    public required IReadOnlyList<string> DataSharing { get; init; }

    /// <summary>
    /// The field office synced this registration late: the posting plan sends all of this
    /// returnee's sessions before the registration. Only returnees with sessions are chosen.
    /// </summary>
    public required bool RegistrationSyncedLate { get; init; }
}

/// <summary><c>consent-updated.v1</c>: only the fields that changed are set (at least one).</summary>
public sealed record ConsentUpdateFact
{
    /// <summary>The CloudEvent's <c>id</c> (source <c>urn:partner:ngo-field-app</c>).</summary>
    public required string EventId { get; init; }

    public required Guid ReturneeId { get; init; }
    public required DateTimeOffset Time { get; init; }

    /// <summary><c>false</c> withdraws consent: the returnee's personal data is erased. Never <c>true</c> here.</summary>
    public bool? DataProcessing { get; init; }

    public bool? Counselling { get; init; }
    public bool? FollowUpContact { get; init; }
    public IReadOnlyList<string>? DataSharing { get; init; }

    public bool WithdrawsDataProcessing => DataProcessing == false;
    public bool RefusesCounselling => Counselling == false;
}

/// <summary><c>vulnerability-screened.v1</c>. The latest by time replaces earlier ones.</summary>
public sealed record ScreeningFact
{
    public required string EventId { get; init; }
    public required Guid ReturneeId { get; init; }
    public required DateTimeOffset Time { get; init; }

    /// <summary>Catalogue codes, possibly none.</summary>
    public required IReadOnlyList<string> Vulnerabilities { get; init; }

    public required bool UrgentCareNeeded { get; init; }
}

/// <summary>One goal of a reintegration plan.</summary>
public sealed record GoalFact(string Dimension, string Description);

/// <summary><c>reintegration-plan-agreed.v1</c>, within a month of the return.</summary>
public sealed record PlanFact
{
    public required string EventId { get; init; }
    public required Guid ReturneeId { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required IReadOnlyList<GoalFact> Goals { get; init; }
}

/// <summary><c>sustainability-survey-recorded.v1</c>: scores 0–1, two decimals.</summary>
public sealed record SurveyFact
{
    public required string EventId { get; init; }
    public required Guid ReturneeId { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required decimal Economic { get; init; }
    public required decimal Social { get; init; }
    public required decimal Psychosocial { get; init; }
    public required decimal Composite { get; init; }
}

/// <summary><c>case-closed.v1</c>.</summary>
public sealed record ClosureFact
{
    public required string EventId { get; init; }
    public required Guid ReturneeId { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required string Reason { get; init; }

    /// <summary>
    /// A reopening follows. The posting plan sends such a closure, and its reopening, after all
    /// activity: a service that knew the closure before the reopening would refuse what happened
    /// between the reopening and the moment it learns of it.
    /// </summary>
    public bool Reopened { get; init; }
}

/// <summary><c>case-reopened.v1</c>, after a closure of the same returnee.</summary>
public sealed record ReopeningFact
{
    public required string EventId { get; init; }
    public required Guid ReturneeId { get; init; }
    public required DateTimeOffset Time { get; init; }

    /// <summary>Free text, 1–500.</summary>
    public required string Reason { get; init; }
}
