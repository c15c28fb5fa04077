using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation.Training;

/// <summary>
/// Draws workshops (art therapy, peer support, livelihood skills …): about one per thirty
/// returnees, each with 1–100 returnees of its region who were registered before it, whose case
/// is open and who have not withdrawn consent (counselling consent does not apply: a livelihood
/// workshop is not counselling).
/// </summary>
internal static class WorkshopGenerator
{
    private const int ReturneesPerWorkshop = 30;

    private static readonly Weighted<(int From, int To)> Size = new(((1, 5), 10), ((6, 20), 60), ((21, 40), 25), ((41, 100), 5));

    private static readonly Weighted<string> Kind = new(
        (Codes.WorkshopKind.LivelihoodSkills, 35), (Codes.WorkshopKind.PeerSupport, 25), (Codes.WorkshopKind.ArtTherapy, 15),
        (Codes.WorkshopKind.CulturalActivity, 15), (Codes.WorkshopKind.TechnicalInnovation, 10));

    public static List<WorkshopFact> Generate(Random random, SimulationOptions options, IReadOnlyList<ReturneeFact> returnees, Caseload caseload)
    {
        var count = (int)Math.Round(returnees.Count / (double)ReturneesPerWorkshop, MidpointRounding.AwayFromZero);
        var days = (int)Math.Floor((options.WindowEnd - options.WindowStart).TotalDays);
        var workshops = new List<WorkshopFact>(count);

        for (var n = 0; n < count; n++)
        {
            var region = ReferenceData.Region.Pick(random);
            var (from, to) = Size.Pick(random);
            var wanted = random.Next(from, to + 1);

            for (var attempt = 0; attempt < 5; attempt++)
            {
                var time = options.WindowStart.AddDays(random.Next(days / 5, days)) + random.TimeOfDay(9, 16);
                if (time >= options.WindowEnd) continue;
                var participants = caseload.DrawParticipants(random, region, time, wanted, c => c.CanTakePartAt(time));
                if (participants.Count == 0) continue;

                workshops.Add(new WorkshopFact
                {
                    EventId = $"wks-{options.Seed}-{workshops.Count + 1:D6}", Id = random.NextUuid(), Time = time, Kind = Kind.Pick(random),
                    Region = region, Facilitator = $"facilitator-{random.Next(1, 9):D2}", Participants = participants,
                });
                break;
            }
        }

        return workshops;
    }
}
