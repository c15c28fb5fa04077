using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation.Counselling;

/// <summary>
/// Draws scored assessments at counselling visits: most counselled returnees take the WHO-5 at
/// their first session and many again at a later one (mostly better by then, so
/// <c>wellbeing-improved</c> has something to show); some a PHQ-9 (a few with item 9 above 0,
/// each followed up by a session within the week), some a GAD-7 or, later on, a K10.
/// </summary>
internal static class AssessmentGenerator
{
    private const double Who5AtIntakeShare = 0.80;
    private const double Who5AgainShare = 0.65;
    private const double Phq9Share = 0.35;
    private const double SelfHarmShareOfPhq9 = 0.10;
    private const double Gad7Share = 0.20;
    private const double K10Share = 0.10;
    private const int MinDaysBetweenWho5 = 28;

    // An assessment is taken during the visit, after the talking.
    private static readonly TimeSpan IntoTheVisit = TimeSpan.FromMinutes(20);

    public sealed record Result(List<AssessmentFact> Assessments, List<SessionFact> FollowUpSessions);

    /// <param name="sessions">The individual sessions, in generation order.</param>
    public static Result Generate(Random random, SimulationOptions options, IReadOnlyList<SessionFact> sessions, Caseload caseload)
    {
        var seed = options.Seed;
        var assessments = new List<AssessmentFact>();
        var followUps = new List<SessionFact>();
        var phq9 = new List<int>(); // indices in assessments, to choose the self-harm flags among

        foreach (var visits in sessions.GroupBy(s => s.ReturneeId))
        {
            var ordered = visits.OrderBy(s => s.Time).ToList();
            var availability = caseload[visits.Key];
            var first = ordered[0];

            AssessmentFact? Take(SessionFact visit, string instrument, IReadOnlyList<int> responses)
            {
                var time = visit.Time + IntoTheVisit;
                if (time >= options.WindowEnd || !availability.CanBeCounselledAt(time)) return null;
                var assessment = new AssessmentFact
                {
                    EventId = $"asm-{seed}-{assessments.Count + 1:D6}", ReturneeId = visit.ReturneeId, AssessmentId = random.NextUuid(),
                    Time = time, Instrument = instrument, Responses = responses, AdministeredBy = visit.Counsellor,
                };
                assessments.Add(assessment);
                return assessment;
            }

            var level = 1.2 + random.NextDouble() * 1.6; // WHO-5 item level at intake: raw 6–14, score 24–56
            if (random.Chance(Who5AtIntakeShare) && Take(first, Codes.Instrument.Who5, Items(random, 5, level, 0, 5)) is { } intake)
            {
                var later = ordered.LastOrDefault(s => s.Time >= intake.Time.AddDays(MinDaysBetweenWho5));
                if (later is not null && random.Chance(Who5AgainShare))
                    Take(later, Codes.Instrument.Who5, Items(random, 5, level + Improvement(random), 0, 5));
            }

            if (random.Chance(Phq9Share) && Take(first, Codes.Instrument.Phq9, Items(random, 8, 0.5 + random.NextDouble() * 1.5, 0, 3).Append(0).ToArray()) is not null)
                phq9.Add(assessments.Count - 1);
            if (random.Chance(Gad7Share)) Take(first, Codes.Instrument.Gad7, Items(random, 7, 0.5 + random.NextDouble() * 1.5, 0, 3));
            if (ordered.Count > 1 && random.Chance(K10Share)) Take(ordered[^1], Codes.Instrument.K10, Items(random, 10, 1.5 + random.NextDouble() * 2, 1, 5));
        }

        // A few PHQ-9s with thoughts of self-harm (item 9 above 0), each followed up within the week.
        foreach (var index in random.ChooseIndices(phq9.Count, RandomExtensions.Quota(phq9.Count, SelfHarmShareOfPhq9)).Order())
        {
            var flagged = assessments[phq9[index]];
            assessments[phq9[index]] = flagged with { Responses = [.. flagged.Responses.Take(8), random.Next(1, 4)] };
            var time = random.DaysAfter(flagged.Time, random.Next(1, 8));
            if (time >= options.WindowEnd || !caseload[flagged.ReturneeId].CanBeCounselledAt(time)) continue;
            var returnee = caseload[flagged.ReturneeId].Returnee;
            followUps.Add(new SessionFact
            {
                Number = sessions.Count + followUps.Count + 1, EventId = $"ses-{seed}-{sessions.Count + followUps.Count + 1:D6}",
                ReturneeId = flagged.ReturneeId, Region = returnee.Region, Time = time, Format = Codes.SessionFormat.Individual,
                Modality = random.Chance(0.7) ? Codes.Modality.InPerson : Codes.Modality.Phone,
                Intervention = random.Chance(0.6) ? Codes.Intervention.FollowUp : Codes.Intervention.SpecialisedCare,
                DurationMinutes = 5 * random.Next(9, 19), Counsellor = flagged.AdministeredBy,
            });
        }

        return new Result(assessments, followUps);
    }

    /// <summary>WHO-5 items later on: mostly better by 3–8 raw points (12–32 on the score), some about the same, a few worse.</summary>
    private static double Improvement(Random random) => random.NextDouble() switch
    {
        < 0.70 => 0.6 + random.NextDouble(),
        < 0.90 => random.NextDouble() * 0.4,
        _ => -0.6 * random.NextDouble(),
    };

    /// <summary><paramref name="count"/> item responses around <paramref name="level"/>, each within the instrument's range.</summary>
    private static int[] Items(Random random, int count, double level, int lowest, int highest) =>
        [.. Enumerable.Range(0, count).Select(_ => Math.Clamp((int)Math.Round(level + (random.NextDouble() - 0.5) * 1.6), lowest, highest))];
}
