namespace Reintegration.Intake.Consent;

/// <summary>The <c>data</c> of <c>reintegration.intake.consent-updated.v1</c>: any of the four, at least one.</summary>
public sealed record ConsentUpdateData(bool? DataProcessing, bool? Counselling, bool? FollowUpContact, IReadOnlyList<string>? DataSharing);
