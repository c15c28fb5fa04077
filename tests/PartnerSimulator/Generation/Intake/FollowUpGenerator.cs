using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation.Intake;

/// <summary>
/// Draws the case work after registration: vulnerability screenings (most returnees in their
/// first days, some screened again months later), reintegration plans within a month of the
/// return, and sustainability surveys some months on. Only while the case allows it.
/// </summary>
internal static class FollowUpGenerator
{
    private const double ScreenedShare = 0.85;
    private const double RescreenedShare = 0.15;
    private const double UrgentCareShare = 0.08;
    private const double PlanShare = 0.80;
    private const double SurveyedShare = 0.45;

    private static readonly Weighted<string> GoalDimension = new(
        (Codes.GoalDimension.Economic, 50), (Codes.GoalDimension.Social, 25), (Codes.GoalDimension.Psychosocial, 25));

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> GoalDescriptions = new Dictionary<string, IReadOnlyList<string>>
    {
        [Codes.GoalDimension.Economic] = ["Start a small trading business", "Vocational training in mechanics", "Join a market-gardening cooperative", "Find seasonal work in construction"],
        [Codes.GoalDimension.Social] = ["Reconnect with family in the home village", "Join a community association", "Obtain identity documents"],
        [Codes.GoalDimension.Psychosocial] = ["Attend counselling sessions regularly", "Take part in a peer-support group", "Learn ways to manage sleep problems"],
    };

    public sealed record Result(List<ScreeningFact> Screenings, List<PlanFact> Plans, List<SurveyFact> Surveys);

    public static Result Generate(Random random, SimulationOptions options, IReadOnlyList<ReturneeFact> returnees, Caseload caseload)
    {
        var seed = options.Seed;
        var end = options.WindowEnd;
        var screenings = new List<ScreeningFact>();
        var plans = new List<PlanFact>();
        var surveys = new List<SurveyFact>();

        foreach (var returnee in returnees)
        {
            var availability = caseload[returnee.Id];
            bool Allowed(DateTimeOffset t) => t < end && availability.CanTakePartAt(t);

            if (random.Chance(ScreenedShare))
            {
                var first = random.DaysAfter(returnee.RegisteredAt, random.Next(0, 11));
                if (first <= returnee.RegisteredAt) first = returnee.RegisteredAt.AddHours(1);
                if (Allowed(first))
                {
                    screenings.Add(Screening(random, $"scr-{seed}-{screenings.Count + 1:D6}", returnee, first));
                    var again = random.DaysAfter(first, random.Next(60, 150));
                    if (random.Chance(RescreenedShare) && Allowed(again))
                        screenings.Add(Screening(random, $"scr-{seed}-{screenings.Count + 1:D6}", returnee, again));
                }
            }

            // Within a month of the return: between the registration and thirty days after arrival.
            var monthAfterReturn = new DateTimeOffset(returnee.ArrivalDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(30);
            if (random.Chance(PlanShare) && random.Between(returnee.RegisteredAt.AddHours(1), monthAfterReturn) is { } agreed && Allowed(agreed))
                plans.Add(new PlanFact { EventId = $"pln-{seed}-{plans.Count + 1:D6}", ReturneeId = returnee.Id, Time = agreed, Goals = Goals(random) });

            var surveyed = random.DaysAfter(returnee.RegisteredAt, random.Next(90, 200));
            if (random.Chance(SurveyedShare) && Allowed(surveyed))
                surveys.Add(Survey(random, $"srv-{seed}-{surveys.Count + 1:D6}", returnee.Id, surveyed));
        }

        return new Result(screenings, plans, surveys);
    }

    /// <summary>Vulnerabilities as the caseload has them: most have been detained; minors, older people and mothers their own.</summary>
    private static ScreeningFact Screening(Random random, string eventId, ReturneeFact returnee, DateTimeOffset time)
    {
        var found = new List<string>();
        void Maybe(string code, double chance)
        {
            if (random.Chance(chance)) found.Add(code);
        }

        Maybe(Codes.Vulnerability.DetentionExperience, 0.55);
        Maybe(Codes.Vulnerability.SurvivorOfViolence, 0.25);
        Maybe(Codes.Vulnerability.SurvivorOfTrafficking, 0.10);
        Maybe(Codes.Vulnerability.MentalHealthConcern, 0.20);
        Maybe(Codes.Vulnerability.SeriousMedicalCondition, 0.05);
        Maybe(Codes.Vulnerability.Disability, 0.03);
        if (returnee.AgeGroup == Codes.AgeGroup.Minor) Maybe(Codes.Vulnerability.UnaccompaniedMinor, 0.60);
        if (returnee.AgeGroup == Codes.AgeGroup.Older) Maybe(Codes.Vulnerability.OlderPerson, 0.80);
        if (returnee.Sex == Codes.Sex.Female && returnee.AgeGroup != Codes.AgeGroup.Minor)
        {
            Maybe(Codes.Vulnerability.PregnantOrLactating, 0.15);
            Maybe(Codes.Vulnerability.SingleParent, 0.15);
        }

        return new ScreeningFact
        {
            EventId = eventId, ReturneeId = returnee.Id, Time = time, Vulnerabilities = found, UrgentCareNeeded = random.Chance(UrgentCareShare),
        };
    }

    private static List<GoalFact> Goals(Random random)
    {
        var goals = new List<GoalFact>();
        var count = random.Next(1, 5);
        for (var attempt = 0; goals.Count < count && attempt < 20; attempt++)
        {
            var dimension = GoalDimension.Pick(random);
            var goal = new GoalFact(dimension, random.PickOne(GoalDescriptions[dimension]));
            if (!goals.Contains(goal)) goals.Add(goal);
        }

        return goals;
    }

    /// <summary>Scores 0–1 in hundredths; the composite is the mean of the three.</summary>
    private static SurveyFact Survey(Random random, string eventId, Guid returnee, DateTimeOffset time)
    {
        decimal Score() => random.Next(20, 96) / 100m;
        var (economic, social, psychosocial) = (Score(), Score(), Score());
        return new SurveyFact
        {
            EventId = eventId, ReturneeId = returnee, Time = time, Economic = economic, Social = social, Psychosocial = psychosocial,
            Composite = Math.Round((economic + social + psychosocial) / 3, 2, MidpointRounding.AwayFromZero),
        };
    }
}
