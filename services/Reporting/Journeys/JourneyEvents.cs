namespace Reintegration.Reporting.Journeys;

// Reporting's own log of what it was told, one stream per returnee. Read models are rebuilt from
// these events alone, without asking any other service. Each holds codes, flags, scores and
// times only: no names, contact details or free text (a plan's descriptions and a reopening's
// reason stay in Intake), so an erased returnee's journey is already anonymous.

public sealed record RegistrationReported(
    Guid ReturneeId, DateTimeOffset Time, string Sex, string AgeGroup, string Region, string ReturnedFrom, string ReturnType, DateOnly ArrivalDate);

public sealed record CounsellingSessionReported(
    Guid ReturneeId, Guid SessionId, DateTimeOffset Time, string Format, string Modality, string Intervention, int DurationMinutes);

public sealed record AwarenessEventAttended(Guid ReturneeId, Guid AwarenessEventId, DateTimeOffset Time, string Kind, string Region);

/// <summary>The consent flags as they stood after a change (the sharing list stays in Intake).</summary>
public sealed record ConsentChangeReported(Guid ReturneeId, DateTimeOffset Time, bool DataProcessing, bool Counselling, bool FollowUpContact);

/// <summary>A vulnerability screening: codes (may be none) and whether urgent care is needed. The latest by time counts.</summary>
public sealed record ScreeningReported(Guid ReturneeId, DateTimeOffset Time, IReadOnlyList<string> Vulnerabilities, bool UrgentCareNeeded);

/// <summary>A reintegration plan agreed: the dimension of each goal, in the plan's order.</summary>
public sealed record PlanAgreedReported(Guid ReturneeId, DateTimeOffset Time, IReadOnlyList<string> Dimensions);

/// <summary>The sustainability survey's scores, each 0–1.</summary>
public sealed record SurveyReported(Guid ReturneeId, DateTimeOffset Time, decimal Economic, decimal Social, decimal Psychosocial, decimal Composite);

public sealed record CaseClosedReported(Guid ReturneeId, DateTimeOffset Time, string Reason);

public sealed record CaseReopenedReported(Guid ReturneeId, DateTimeOffset Time);

/// <summary>Consent to data processing withdrawn, personal data erased at Intake; the anonymous facts here stay and still count.</summary>
public sealed record ErasureReported(Guid ReturneeId, DateTimeOffset Time);

/// <summary>The returnee took part in a workshop (IASC layer 2).</summary>
public sealed record WorkshopAttended(Guid ReturneeId, Guid WorkshopId, DateTimeOffset Time, string Kind, string Region);
