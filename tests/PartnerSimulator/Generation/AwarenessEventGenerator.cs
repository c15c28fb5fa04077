using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation;

/// <summary>Draws the training partner's awareness events: about one per twenty returnees.</summary>
internal static class AwarenessEventGenerator
{
    private const int ReturneesPerEvent = 20;
    private const double CommuneShare = 0.60;
    private const double NamedParticipantsShare = 0.35;

    public static List<AwarenessEventFact> Generate(Random random, SimulationOptions options, IReadOnlyList<ReturneeFact> returnees)
    {
        var count = (int)Math.Round(returnees.Count / (double)ReturneesPerEvent, MidpointRounding.AwayFromZero);
        var byRegion = returnees
            .GroupBy(r => r.Region)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.RegisteredAt).ToList());
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
                ReturneeParticipants = Participants(random, kind, time, byRegion.GetValueOrDefault(region)),
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

    /// <summary>Some events name a few returnees of the region who were registered before the event.</summary>
    private static IReadOnlyList<Guid> Participants(Random random, string kind, DateTimeOffset time, List<ReturneeFact>? regionReturnees)
    {
        if (kind == Codes.AwarenessKind.RadioBroadcast || regionReturnees is null || !random.Chance(NamedParticipantsShare))
            return [];

        var registeredBefore = CountRegisteredBefore(regionReturnees, time);
        if (registeredBefore == 0) return [];

        // Draw indices until enough distinct ones: cheap for a handful out of thousands.
        var wanted = Math.Min(random.Next(1, 9), registeredBefore);
        var chosen = new SortedSet<int>();
        while (chosen.Count < wanted) chosen.Add(random.Next(registeredBefore));
        return [.. chosen.Select(i => regionReturnees[i].Id)];
    }

    /// <summary>How many of the returnees (ordered by registration time) registered before <paramref name="time"/>.</summary>
    private static int CountRegisteredBefore(List<ReturneeFact> byRegistrationTime, DateTimeOffset time)
    {
        int low = 0, high = byRegistrationTime.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (byRegistrationTime[middle].RegisteredAt < time) low = middle + 1;
            else high = middle;
        }

        return low;
    }
}
