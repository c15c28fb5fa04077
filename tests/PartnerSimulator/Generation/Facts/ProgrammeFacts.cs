namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// Everything that happened in a programme, as facts: what the oracle
/// (<see cref="ExpectedIndicators"/>) computes the catalogue's indicators from. A generated
/// <see cref="Programme"/> holds one; a test builds a small one by hand.
/// </summary>
public sealed record ProgrammeFacts
{
    public IReadOnlyList<ReturneeFact> Returnees { get; init; } = [];
    public IReadOnlyList<ConsentUpdateFact> ConsentUpdates { get; init; } = [];
    public IReadOnlyList<ScreeningFact> Screenings { get; init; } = [];
    public IReadOnlyList<PlanFact> Plans { get; init; } = [];
    public IReadOnlyList<SurveyFact> Surveys { get; init; } = [];
    public IReadOnlyList<ClosureFact> Closures { get; init; } = [];
    public IReadOnlyList<ReopeningFact> Reopenings { get; init; } = [];

    public IReadOnlyList<SessionFact> Sessions { get; init; } = [];
    public IReadOnlyList<GroupSessionFact> GroupSessions { get; init; } = [];
    public IReadOnlyList<AssessmentFact> Assessments { get; init; } = [];
    public IReadOnlyList<ReferralFact> Referrals { get; init; } = [];
    public IReadOnlyList<ReferralClosureFact> ReferralClosures { get; init; } = [];

    public IReadOnlyList<TrainingFact> Trainings { get; init; } = [];
    public IReadOnlyList<CertificationFact> Certifications { get; init; } = [];
    public IReadOnlyList<AwarenessEventFact> AwarenessEvents { get; init; } = [];
    public IReadOnlyList<WorkshopFact> Workshops { get; init; } = [];
}
