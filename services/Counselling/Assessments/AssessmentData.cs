using System.Text.Json;

namespace Reintegration.Counselling.Assessments;

/// <summary>
/// The <c>data</c> of <c>reintegration.counselling.assessment-recorded.v1</c>, as posted.
/// <see cref="Score"/> is read only to be refused: the service scores, partners never send one.
/// </summary>
public sealed record AssessmentData(Guid? AssessmentId, string? Instrument, IReadOnlyList<int>? Responses, string? AdministeredBy, JsonElement? Score = null);
