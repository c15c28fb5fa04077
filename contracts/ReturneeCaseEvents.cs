namespace Reintegration.Contracts;

// What Intake tells other services about a returnee's case after the registration. Like
// ReturneeRegistered: the returnee's id and anonymous facts, never names, phone, date of birth,
// commune or partner reference. The time of each is when it happened in the field.

/// <summary>The returnee's consent changed: the flags as they now stand (<c>dataSharing</c> stays in Intake).</summary>
public sealed record ReturneeConsentChanged(Guid ReturneeId, DateTimeOffset ChangedAt, bool DataProcessing, bool Counselling, bool FollowUpContact);

/// <summary>A vulnerability screening: the codes found (may be empty) and whether urgent care is needed. The latest by time counts.</summary>
public sealed record ReturneeScreened(Guid ReturneeId, DateTimeOffset ScreenedAt, IReadOnlyList<string> Vulnerabilities, bool UrgentCareNeeded);

/// <summary>A reintegration plan was agreed: the dimensions of its goals (descriptions stay in Intake).</summary>
public sealed record ReintegrationPlanAgreed(Guid ReturneeId, DateTimeOffset AgreedAt, IReadOnlyList<string> Dimensions);

/// <summary>The reintegration sustainability survey's scores, each 0–1.</summary>
public sealed record SustainabilitySurveyRecorded(Guid ReturneeId, DateTimeOffset RecordedAt, decimal Economic, decimal Social, decimal Psychosocial, decimal Composite);

/// <summary>The case was closed: activity dated after <see cref="ClosedAt"/> is refused until it is reopened.</summary>
public sealed record ReturneeCaseClosed(Guid ReturneeId, DateTimeOffset ClosedAt, string Reason);

/// <summary>The case was reopened (the reason, free text, stays in Intake).</summary>
public sealed record ReturneeCaseReopened(Guid ReturneeId, DateTimeOffset ReopenedAt);

/// <summary>
/// Consent to data processing was withdrawn and the returnee's personal data erased at Intake:
/// every activity about them is refused from now on; their anonymous counts stay.
/// </summary>
public sealed record ReturneeErased(Guid ReturneeId, DateTimeOffset ErasedAt);
