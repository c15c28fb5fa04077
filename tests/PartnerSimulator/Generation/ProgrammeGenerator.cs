using Reintegration.PartnerSimulator.Generation.Counselling;
using Reintegration.PartnerSimulator.Generation.Intake;
using Reintegration.PartnerSimulator.Generation.Training;

namespace Reintegration.PartnerSimulator.Generation;

/// <summary>Generates a realistic, reproducible programme of partner activity: every type of the catalogue.</summary>
public static class ProgrammeGenerator
{
    // Of the returnees who get counselling, this share is registered by an office that synced its
    // registrations late: their sessions reach Counselling before the registration reaches Intake.
    private const double LateSyncShare = 0.10;

    public static Programme Generate(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // One seeded stream, drawn in a fixed order. The case's course (withdrawals, closures,
        // refusals) comes first, so that every activity after it keeps to what the case allows.
        var random = new Random(options.Seed);
        var returnees = ReturneeGenerator.Generate(random, options);
        var caseload = new Caseload(returnees);
        var cases = CaseGenerator.Generate(random, options, returnees, caseload);
        var followUps = FollowUpGenerator.Generate(random, options, returnees, caseload);

        var sessions = SessionGenerator.Generate(random, options, returnees, caseload);
        var assessments = AssessmentGenerator.Generate(random, options, sessions, caseload);
        sessions.AddRange(assessments.FollowUpSessions);
        var referrals = ReferralGenerator.Generate(random, options, sessions, assessments.Assessments, caseload);
        var groupSessions = GroupSessionGenerator.Generate(random, options, returnees, caseload);

        var trainings = TrainingGenerator.Generate(random, options);
        var awarenessEvents = AwarenessEventGenerator.Generate(random, options, returnees, caseload);
        var workshops = WorkshopGenerator.Generate(random, options, returnees, caseload);

        var withSessions = sessions.Select(s => s.ReturneeId).ToHashSet();
        var counselled = Enumerable.Range(0, returnees.Count).Where(i => withSessions.Contains(returnees[i].Id)).ToList();
        foreach (var pick in random.ChooseIndices(counselled.Count, RandomExtensions.Quota(counselled.Count, LateSyncShare)))
        {
            var index = counselled[pick];
            returnees[index] = returnees[index] with { RegistrationSyncedLate = true };
        }

        return new Programme(options, new ProgrammeFacts
        {
            Returnees = returnees,
            ConsentUpdates = cases.ConsentUpdates,
            Screenings = followUps.Screenings,
            Plans = followUps.Plans,
            Surveys = followUps.Surveys,
            Closures = cases.Closures,
            Reopenings = cases.Reopenings,
            Sessions = sessions,
            GroupSessions = groupSessions,
            Assessments = assessments.Assessments,
            Referrals = referrals.Referrals,
            ReferralClosures = referrals.Closures,
            Trainings = trainings.Trainings,
            Certifications = trainings.Certifications,
            AwarenessEvents = awarenessEvents,
            Workshops = workshops,
        });
    }
}
