using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation.Intake;

/// <summary>
/// Draws how cases change after registration: consent updates (a few withdraw consent to data
/// processing late on, a few refuse counselling, a few change contact or sharing), closures with
/// their reasons and a few reopenings. Drawn before any activity, so that the activity
/// generators can keep to what each case allows (<see cref="Caseload"/>).
/// </summary>
internal static class CaseGenerator
{
    private const double ClosedShare = 0.12;
    private const double ReopenedShareOfClosed = 0.25;
    private const double WithdrawalShare = 0.02;
    private const double CounsellingRefusalShare = 0.03;
    private const double OtherConsentChangeShare = 0.06;

    // Withdrawals come late on: in the last quarter of the window.
    private const double WithdrawalsFrom = 0.75;

    private static readonly Weighted<string> Reason = new(
        (Codes.ClosureReason.SupportCompleted, 50), (Codes.ClosureReason.LostToFollowUp, 20), (Codes.ClosureReason.LeftArea, 12),
        (Codes.ClosureReason.ReturneeChoice, 8), (Codes.ClosureReason.NoLongerEligible, 6), (Codes.ClosureReason.Deceased, 4));

    private static readonly IReadOnlyList<string> ReopeningReasons =
    [
        "Returned to the programme area and asked to resume support.",
        "New needs identified at a follow-up visit.",
        "Family requested renewed psychosocial support.",
        "Closed in error: the returnee is still attending sessions.",
    ];

    public sealed record Result(
        List<ConsentUpdateFact> ConsentUpdates, List<ClosureFact> Closures, List<ReopeningFact> Reopenings);

    public static Result Generate(Random random, SimulationOptions options, IReadOnlyList<ReturneeFact> returnees, Caseload caseload)
    {
        var seed = options.Seed;
        var end = options.WindowEnd;
        var closures = new List<ClosureFact>();
        var reopenings = new List<ReopeningFact>();
        var consent = new List<ConsentUpdateFact>();

        // Withdrawals first: everything else of theirs must come before.
        var withdrawalsFrom = options.WindowStart + (end - options.WindowStart) * WithdrawalsFrom;
        foreach (var index in random.ChooseIndices(returnees.Count, RandomExtensions.Quota(returnees.Count, WithdrawalShare)).Order())
        {
            var returnee = returnees[index];
            var earliest = Max(withdrawalsFrom, returnee.RegisteredAt.AddDays(14));
            if (random.Between(earliest, end.AddHours(-1)) is not { } at) continue;
            caseload[returnee.Id].WithdrawAt(at);
            consent.Add(new ConsentUpdateFact { EventId = $"cns-{seed}-{consent.Count + 1:D6}", ReturneeId = returnee.Id, Time = at, DataProcessing = false });
        }

        foreach (var index in random.ChooseIndices(returnees.Count, RandomExtensions.Quota(returnees.Count, ClosedShare)).Order())
        {
            var returnee = returnees[index];
            var availability = caseload[returnee.Id];
            var closedAt = random.DaysAfter(returnee.RegisteredAt, random.Next(45, 200));
            if (!availability.CanTakePartAt(closedAt) || closedAt >= end) continue;

            var reason = Reason.Pick(random);
            DateTimeOffset? reopenedAt = null;
            if (reason != Codes.ClosureReason.Deceased && random.Chance(ReopenedShareOfClosed))
            {
                var at = random.DaysAfter(closedAt, random.Next(14, 90));
                if (at < end && availability.CanTakePartAt(at)) reopenedAt = at;
            }

            availability.Close(closedAt, reopenedAt);
            closures.Add(new ClosureFact
            {
                EventId = $"clo-{seed}-{closures.Count + 1:D6}", ReturneeId = returnee.Id, Time = closedAt, Reason = reason, Reopened = reopenedAt is not null,
            });
            if (reopenedAt is { } reopened)
                reopenings.Add(new ReopeningFact
                {
                    EventId = $"reo-{seed}-{reopenings.Count + 1:D6}", ReturneeId = returnee.Id, Time = reopened, Reason = random.PickOne(ReopeningReasons),
                });
        }

        // A few who consented to counselling at registration withdraw that consent later, while the case is open.
        var consenting = returnees.Where(r => r.CounsellingConsent).ToList();
        foreach (var index in random.ChooseIndices(consenting.Count, RandomExtensions.Quota(consenting.Count, CounsellingRefusalShare)).Order())
        {
            var returnee = consenting[index];
            var availability = caseload[returnee.Id];
            var at = random.DaysAfter(returnee.RegisteredAt, random.Next(20, 150));
            if (at >= end || !availability.CanTakePartAt(at)) continue;
            availability.RefuseCounsellingAt(at);
            consent.Add(new ConsentUpdateFact { EventId = $"cns-{seed}-{consent.Count + 1:D6}", ReturneeId = returnee.Id, Time = at, Counselling = false });
        }

        // Other changes: follow-up contact or data sharing, while the case is open.
        foreach (var index in random.ChooseIndices(returnees.Count, RandomExtensions.Quota(returnees.Count, OtherConsentChangeShare)).Order())
        {
            var returnee = returnees[index];
            var at = random.DaysAfter(returnee.RegisteredAt, random.Next(7, 120));
            if (at >= end || !caseload[returnee.Id].CanTakePartAt(at) || caseload[returnee.Id].CounsellingRefusedAt == at) continue;
            var update = new ConsentUpdateFact { EventId = $"cns-{seed}-{consent.Count + 1:D6}", ReturneeId = returnee.Id, Time = at };
            consent.Add(random.Chance(0.5)
                ? update with { FollowUpContact = !returnee.FollowUpContact }
                : update with { DataSharing = returnee.DataSharing.Count == 0 ? [PartnerSources.UnAgency] : [] });
        }

        return new Result(consent, closures, reopenings);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
