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

/// <summary>An individual or family counselling session.</summary>
public sealed record SessionFact
{
    public required int Number { get; init; }

    /// <summary>The CloudEvent's <c>id</c> (source <c>urn:partner:ngo-field-app</c>).</summary>
    public required string EventId { get; init; }

    /// <summary>The returnee's UUID: the CloudEvent's <c>subject</c>.</summary>
    public required Guid ReturneeId { get; init; }

    /// <summary>The returnee's region, which the catalogue uses as the session's region.</summary>
    public required string Region { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary><c>individual</c> or <c>family</c>.</summary>
    public required string Format { get; init; }

    /// <summary><c>in-person</c>, <c>phone</c> or <c>video</c>.</summary>
    public required string Modality { get; init; }

    public required string Intervention { get; init; }
    public required int DurationMinutes { get; init; }
    public required string Counsellor { get; init; }
}

/// <summary>An awareness event held by the training partner.</summary>
public sealed record AwarenessEventFact
{
    public required int Number { get; init; }

    /// <summary>The CloudEvent's <c>id</c> (source <c>urn:partner:un-agency-training</c>).</summary>
    public required string EventId { get; init; }

    /// <summary>The awareness event's UUID: the CloudEvent's <c>subject</c>.</summary>
    public required Guid Id { get; init; }

    public required DateTimeOffset Time { get; init; }
    public required string Kind { get; init; }
    public required string Region { get; init; }
    public string? Commune { get; init; }
    public required int Women { get; init; }
    public required int Men { get; init; }
    public required int Girls { get; init; }
    public required int Boys { get; init; }

    /// <summary>Registered returnees of the same region who took part; empty when none were named.</summary>
    public required IReadOnlyList<Guid> ReturneeParticipants { get; init; }

    /// <summary>The catalogue's people-reached contribution: women + men + girls + boys.</summary>
    public int PeopleReached => Women + Men + Girls + Boys;
}
