using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation.Counselling;

/// <summary>
/// Draws referrals made at counselling visits, and their closures weeks later (mostly
/// <c>service-received</c>; some stay open). Every returnee flagged for self-harm is referred
/// to specialised mental-health care, urgently, at the visit that raised the flag.
/// </summary>
internal static class ReferralGenerator
{
    private const double ReferredShare = 0.18;
    private const double ClosedShare = 0.80;
    private const double ProviderShare = 0.60;

    private static readonly TimeSpan AfterTheTalk = TimeSpan.FromMinutes(40);

    private static readonly Weighted<string> Service = new(
        (Codes.ReferralService.EconomicReintegration, 30), (Codes.ReferralService.Medical, 20), (Codes.ReferralService.SpecialisedMentalHealth, 15),
        (Codes.ReferralService.Legal, 10), (Codes.ReferralService.Education, 10), (Codes.ReferralService.Shelter, 8), (Codes.ReferralService.FamilyTracing, 7));

    private static readonly Weighted<string> Urgency = new((Codes.Urgency.Routine, 75), (Codes.Urgency.Urgent, 20), (Codes.Urgency.Emergency, 5));

    private static readonly Weighted<string> Outcome = new(
        (Codes.ReferralOutcome.ServiceReceived, 75), (Codes.ReferralOutcome.Declined, 10), (Codes.ReferralOutcome.NotReached, 10), (Codes.ReferralOutcome.Cancelled, 5));

    private static readonly IReadOnlyList<string> Providers =
        ["CHU du Point G", "Centre de santé de référence", "Association malienne des expulsés", "Bureau d'aide juridique", "Centre de formation professionnelle"];

    public sealed record Result(List<ReferralFact> Referrals, List<ReferralClosureFact> Closures);

    public static Result Generate(
        Random random, SimulationOptions options, IReadOnlyList<SessionFact> sessions, IReadOnlyList<AssessmentFact> assessments, Caseload caseload)
    {
        var seed = options.Seed;
        var referrals = new List<ReferralFact>();
        var closures = new List<ReferralClosureFact>();

        void Refer(Guid returnee, DateTimeOffset time, string service, string urgency)
        {
            if (time >= options.WindowEnd || !caseload[returnee].CanBeCounselledAt(time)) return;
            var referral = new ReferralFact
            {
                EventId = $"ref-{seed}-{referrals.Count + 1:D6}", ReturneeId = returnee, ReferralId = random.NextUuid(), Time = time,
                Service = service, Urgency = urgency, Provider = random.Chance(ProviderShare) ? random.PickOne(Providers) : null,
            };
            referrals.Add(referral);

            var closedAt = random.DaysAfter(time, random.Next(7, 61));
            if (random.Chance(ClosedShare) && closedAt < options.WindowEnd && caseload[returnee].CanBeCounselledAt(closedAt))
                closures.Add(new ReferralClosureFact
                {
                    EventId = $"rfc-{seed}-{closures.Count + 1:D6}", ReturneeId = returnee, ReferralId = referral.ReferralId, Time = closedAt, Outcome = Outcome.Pick(random),
                });
        }

        foreach (var flagged in assessments.Where(a => a.RaisesRiskFlag))
            Refer(flagged.ReturneeId, flagged.Time + AfterTheTalk, Codes.ReferralService.SpecialisedMentalHealth, Codes.Urgency.Urgent);

        foreach (var visits in sessions.GroupBy(s => s.ReturneeId))
        {
            if (!random.Chance(ReferredShare)) continue;
            var visit = random.PickOne(visits.ToList());
            Refer(visit.ReturneeId, visit.Time + AfterTheTalk, Service.Pick(random), Urgency.Pick(random));
        }

        return new Result(referrals, closures);
    }
}
