using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation.Counselling;

/// <summary>
/// Draws individual and family counselling sessions. Only returnees who consented to counselling
/// get any, and only while their case allows it (<see cref="CaseAvailability.CanBeCounselledAt"/>):
/// the catalogue rejects sessions once counselling consent is known to be false, after a
/// withdrawal, and dated after a closure.
/// </summary>
internal static class SessionGenerator
{
    private const double CounselledShareOfConsenting = 0.70;

    private static readonly Weighted<int> SessionCount = new((1, 25), (2, 22), (3, 20), (4, 15), (5, 10), (6, 8));

    private static readonly Weighted<string> Format = new(
        (Codes.SessionFormat.Individual, 85), (Codes.SessionFormat.Family, 15));

    private static readonly Weighted<string> Modality = new(
        (Codes.Modality.InPerson, 75), (Codes.Modality.Phone, 22), (Codes.Modality.Video, 3));

    // A first contact is mostly psychological first aid; later ones go deeper or follow up.
    private static readonly Weighted<string> FirstIntervention = new(
        (Codes.Intervention.PsychologicalFirstAid, 55), (Codes.Intervention.BasicCounselling, 35),
        (Codes.Intervention.StructuredPsychologicalIntervention, 7), (Codes.Intervention.SpecialisedCare, 3));

    private static readonly Weighted<string> LaterIntervention = new(
        (Codes.Intervention.BasicCounselling, 30), (Codes.Intervention.StructuredPsychologicalIntervention, 30),
        (Codes.Intervention.FollowUp, 35), (Codes.Intervention.SpecialisedCare, 5));

    public static List<SessionFact> Generate(Random random, SimulationOptions options, IReadOnlyList<ReturneeFact> returnees, Caseload caseload)
    {
        var consenting = returnees.Where(r => r.CounsellingConsent).ToList();
        var counselled = random.ChooseIndices(consenting.Count, RandomExtensions.Quota(consenting.Count, CounselledShareOfConsenting));

        var sessions = new List<SessionFact>();
        for (var i = 0; i < consenting.Count; i++)
        {
            if (counselled.Contains(i)) AddSessions(random, options, consenting[i], caseload[consenting[i].Id], sessions);
        }

        return sessions;
    }

    private static void AddSessions(
        Random random, SimulationOptions options, ReturneeFact returnee, CaseAvailability availability, List<SessionFact> sessions)
    {
        var counsellors = ReferenceData.CounsellorsIn(returnee.Region);
        var usualCounsellor = random.PickOne(counsellors);
        var count = SessionCount.Pick(random);

        // First contact one day to two weeks after registration, then every one to five weeks,
        // as long as the window lasts.
        var day = FieldTime.Day(returnee.RegisteredAt).AddDays(random.Next(1, 15));
        for (var n = 0; n < count; n++)
        {
            var time = day + random.TimeOfDay(8, 18);
            if (time >= options.WindowEnd)
            {
                if (n > 0) break;
                // Registered close to a cut window end: keep the first session, a little after registration.
                time = FieldTime.TruncateToSecond(returnee.RegisteredAt + (options.WindowEnd - returnee.RegisteredAt) / 2);
            }

            day = day.AddDays(random.Next(7, 36));
            // Not while the case is closed, nor after consent was withdrawn: the field holds no such session.
            if (!availability.CanBeCounselledAt(time)) continue;

            var intervention = (n == 0 ? FirstIntervention : LaterIntervention).Pick(random);
            var format = Format.Pick(random);
            sessions.Add(new SessionFact
            {
                Number = sessions.Count + 1,
                EventId = $"ses-{options.Seed}-{sessions.Count + 1:D6}",
                ReturneeId = returnee.Id,
                Region = returnee.Region,
                Time = time,
                Format = format,
                Modality = Modality.Pick(random),
                Intervention = intervention,
                DurationMinutes = Duration(random, format, intervention),
                Counsellor = random.Chance(0.85) ? usualCounsellor : random.PickOne(counsellors),
            });
        }
    }

    /// <summary>30–90 minutes in steps of five; family and specialised sessions run longer.</summary>
    private static int Duration(Random random, string format, string intervention)
    {
        var shortest = intervention == Codes.Intervention.SpecialisedCare || format == Codes.SessionFormat.Family ? 45 : 30;
        return 5 * random.Next(shortest / 5, 90 / 5 + 1);
    }
}
