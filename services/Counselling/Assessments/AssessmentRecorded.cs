namespace Reintegration.Counselling.Assessments;

/// <summary>An assessment was administered to the returnee and scored by Counselling (partners never send scores).</summary>
public sealed record AssessmentRecorded(
    Guid ReturneeId,
    DateTimeOffset Time,
    string Source,
    Guid AssessmentId,
    string Instrument,
    IReadOnlyList<int> Responses,
    string AdministeredBy,
    int Score,
    string Band,
    bool RaisesRiskFlag) : IAboutReturnee;
