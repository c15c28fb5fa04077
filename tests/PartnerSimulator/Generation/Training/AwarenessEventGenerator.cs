using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation.Training;

/// <summary>Draws the training partner's awareness events: about one per twenty returnees.</summary>
internal static class AwarenessEventGenerator
{
    private const int ReturneesPerEvent = 20;
    private const double CommuneShare = 0.60;
    private const double NamedParticipantsShare = 0.35;

    public static List<AwarenessEventFact> Generate(Random random, SimulationOptions options, IReadOnlyList<ReturneeFact> returnees, Caseload caseload)
    {
        var count = (int)Math.Round(returnees.Count / (double)ReturneesPerEvent, MidpointRounding.AwayFromZero);
        var days = (int)Math.Floor((options.WindowEnd - options.WindowStart).TotalDays);

        var events = new List<AwarenessEventFact>(count);
        for (var number = 1; number <= count; number++)
        {
            var region = ReferenceData.Region.Pick(random);
            var kind = ReferenceData.AwarenessKind.Pick(random);
            var time = options.WindowStart.AddDays(random.Next(0, days)) + random.TimeOfDay(9, 17);
            if (time >= options.WindowEnd) // only when NotAfter cuts the window mid-day
                time = options.WindowEnd.AddHours(-1).AddTicks(-(options.WindowEnd.Ticks % TimeSpan.TicksPerSecond));
            var (women, men, girls, boys) = Reached(random, kind);

            events.Add(new AwarenessEventFact
            {
                Number = number,
                EventId = $"awe-{options.Seed}-{number:D6}",
                Id = random.NextUuid(),
                Time = time,
                Kind = kind,
                Region = region,
                Commune = random.Chance(CommuneShare) ? random.PickOne(ReferenceData.Communes[region]) : null,
                Women = women,
                Men = men,
                Girls = girls,
                Boys = boys,
                ReturneeParticipants = Participants(random, kind, region, time, caseload),
            });
        }

        return events;
    }

    /// <summary>Each count 0–120 and at least one person in all; school sessions reach children.</summary>
    private static (int Women, int Men, int Girls, int Boys) Reached(Random random, string kind)
    {
        var reached = kind switch
        {
            Codes.AwarenessKind.SchoolSession => (random.Next(0, 6), random.Next(0, 6), random.Next(10, 121), random.Next(10, 121)),
            Codes.AwarenessKind.RadioBroadcast => (random.Next(20, 121), random.Next(20, 121), random.Next(0, 61), random.Next(0, 61)),
            _ => (random.Next(5, 81), random.Next(5, 101), random.Next(0, 31), random.Next(0, 31)),
        };
        return reached.Item1 + reached.Item2 + reached.Item3 + reached.Item4 == 0 ? (1, 0, 0, 0) : reached;
    }

    /// <summary>
    /// Some events name a few returnees of the region registered before the event, whose case is
    /// open and who have not withdrawn consent (the catalogue's participant rules).
    /// </summary>
    private static IReadOnlyList<Guid> Participants(Random random, string kind, string region, DateTimeOffset time, Caseload caseload)
    {
        if (kind == Codes.AwarenessKind.RadioBroadcast || !random.Chance(NamedParticipantsShare)) return [];
        var chosen = caseload.DrawParticipants(random, region, time, random.Next(1, 9), c => c.CanTakePartAt(time));
        chosen.Sort();
        return chosen;
    }
}
