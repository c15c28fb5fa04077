using Marten;
using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Journeys;

namespace Reintegration.IntegrationTests.ReportingFacts;

/// <summary>
/// A small programme written straight into Reporting's own log, as its consumers write it: four
/// returnees (one not registered, one whose session came before the registration, one erased),
/// activities and trainings. Every figure the tests expect is counted by hand from these facts.
/// </summary>
public static class ReportingLogProgramme
{
    public static readonly Guid Aminata = Guid.NewGuid();
    public static readonly Guid Moussa = Guid.NewGuid();
    public static readonly Guid Oumar = Guid.NewGuid();
    public static readonly Guid NotYetRegistered = Guid.NewGuid();
    public static readonly Guid Stranger = Guid.NewGuid();
    public static readonly Guid Awa = Guid.NewGuid();
    public static readonly Guid Ibrahim = Guid.NewGuid();
    public static readonly Guid Fatou = Guid.NewGuid();

    public static DateTimeOffset Day(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(IDocumentStore store)
    {
        // Moussa's session reaches Reporting before his registration.
        await AppendAsync(store, (Moussa, [new CounsellingSessionReported(Moussa, Guid.NewGuid(), Day(3, 2), "individual", "in-person", "psychological-first-aid", 45)]));

        var groupSession = Guid.NewGuid();
        var workshop = Guid.NewGuid();
        var (medical, legal) = (Guid.NewGuid(), Guid.NewGuid());
        var phq9 = Guid.NewGuid();
        await AppendAsync(store,
            (Aminata,
            [
                new RegistrationReported(Aminata, Day(1, 5), "female", "18-24", "kita", "LY", "assisted-voluntary", new DateOnly(2025, 12, 1)),
                new ScreeningReported(Aminata, Day(1, 6), ["survivor-of-violence"], false),
                Session(Aminata, Day(1, 10), "basic-counselling", "in-person"),
                Who5(Aminata, Day(1, 10), 40),
                new ReferralMadeReported(Aminata, medical, Day(1, 10), "medical", "routine"),
                new ScreeningReported(Aminata, Day(2, 1), ["disability", "single-parent"], true),
                new ReferralClosedReported(Aminata, medical, Day(2, 1), "service-received"),
                Session(Aminata, Day(2, 3), "follow-up", "phone"),
                new AssessmentReported(Aminata, phq9, Day(2, 3), "phq-9", 14, "moderate", true),
                new RiskFlagRaisedReported(Aminata, phq9, Day(2, 3)),
                new ReferralMadeReported(Aminata, legal, Day(2, 3), "legal", "urgent"),
                Who5(Aminata, Day(2, 20), 56),
            ]),
            (Moussa,
            [
                new RegistrationReported(Moussa, Day(1, 20), "male", "25-59", "bamako", "DZ", "forced", new DateOnly(2026, 1, 10)),
                Who5(Moussa, Day(3, 1), 60),
                new GroupSessionAttended(Moussa, groupSession, Day(3, 5), "kayes", 90, 2),
                Who5(Moussa, Day(3, 10), 64),
                new CaseClosedReported(Moussa, Day(3, 20), "support-completed"),
                new ErasureReported(Moussa, Day(3, 25)),
            ]),
            (Oumar,
            [
                new RegistrationReported(Oumar, Day(2, 15), "male", "0-17", "kita", "NE", "humanitarian-evacuation", new DateOnly(2026, 2, 1)),
                new WorkshopAttended(Oumar, workshop, Day(2, 16), "art-therapy", "kita"),
            ]),
            (NotYetRegistered,
            [
                Session(NotYetRegistered, Day(2, 1), "specialised-care", "video"),
                new AssessmentReported(NotYetRegistered, Guid.NewGuid(), Day(2, 1), "gad-7", 12, "moderate", false),
                new ReferralMadeReported(NotYetRegistered, Guid.NewGuid(), Day(2, 1), "shelter", "emergency"),
            ]),
            (groupSession, [new GroupSessionReported(groupSession, Day(3, 5), "kayes", 90, [Moussa, Stranger])]),
            (workshop, [new WorkshopReported(workshop, Day(2, 16), "art-therapy", "kita", [Oumar])]),
            (Guid.NewGuid(), [new AwarenessEventReported(Guid.NewGuid(), Day(1, 12), "community-dialogue", "kayes", 34, 21, 9, 12, 0)]),
            (Guid.NewGuid(), [new AwarenessEventReported(Guid.NewGuid(), Day(2, 20), "radio-broadcast", "bamako", 100, 80, 0, 0, 0)]));

        var (pfa, mhgap) = (Guid.NewGuid(), Guid.NewGuid());
        await AppendAsync(store,
            (pfa, [new TrainingReported(pfa, Day(2, 10), "psychological-first-aid", "kita", new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 6),
            [
                new TrainingParticipantReported(Awa, "female", "social-worker", true, 40, 70),
                new TrainingParticipantReported(Ibrahim, "male", "health-worker", true, 50, 70),
                new TrainingParticipantReported(Fatou, "female", "teacher", false, 30, 35),
            ])]),
            (mhgap, [new TrainingReported(mhgap, Day(3, 15), "mhgap", "bamako", new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 13),
            [
                new TrainingParticipantReported(Awa, "female", "social-worker", true, 60, 80),
            ])]),
            (Awa, [new WorkerCertificationReported(Awa, Day(2, 20), "psychological-first-aid"), new WorkerCertificationReported(Awa, Day(3, 20), "mhgap")]),
            (Ibrahim, [new WorkerCertificationReported(Ibrahim, Day(2, 25), "psychological-first-aid")]));
    }

    public static CounsellingSessionReported Session(Guid returnee, DateTimeOffset time, string intervention, string modality) =>
        new(returnee, Guid.NewGuid(), time, "individual", modality, intervention, 45);

    public static AssessmentReported Who5(Guid returnee, DateTimeOffset time, int score) =>
        new(returnee, Guid.NewGuid(), time, "who-5", score, score >= 52 ? "adequate" : "poor", false);

    public static async Task AppendAsync(IDocumentStore store, params (Guid Stream, object[] Events)[] streams)
    {
        await using var session = store.LightweightSession();
        foreach (var (stream, events) in streams) session.Events.Append(stream, events);
        await session.SaveChangesAsync();
    }
}
