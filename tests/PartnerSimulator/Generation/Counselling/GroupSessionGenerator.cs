using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation.Counselling;

/// <summary>
/// Draws group sessions (IASC layer 2): about one per twenty-five returnees, each with 2–50
/// returnees of its own region who were registered before it and may be counselled then
/// (consent, an open case, no withdrawal), mostly six to twelve of them.
/// </summary>
internal static class GroupSessionGenerator
{
    private const int ReturneesPerSession = 25;
    private const int MinParticipants = 2;

    private static readonly Weighted<(int From, int To)> Size = new(((2, 5), 15), ((6, 12), 55), ((13, 25), 25), ((26, 50), 5));

    private static readonly IReadOnlyList<string> Topics =
    [
        "Coping with stress after return", "Sleep and nightmares", "Talking with family about the journey",
        "Hope and plans for the future", "Anger and frustration", "Grief and loss on the route", "Stigma in the community",
    ];

    public static List<GroupSessionFact> Generate(Random random, SimulationOptions options, IReadOnlyList<ReturneeFact> returnees, Caseload caseload)
    {
        var count = (int)Math.Round(returnees.Count / (double)ReturneesPerSession, MidpointRounding.AwayFromZero);
        var days = (int)Math.Floor((options.WindowEnd - options.WindowStart).TotalDays);
        var sessions = new List<GroupSessionFact>(count);

        for (var n = 0; n < count; n++)
        {
            var region = ReferenceData.Region.Pick(random);
            var (from, to) = Size.Pick(random);
            var wanted = random.Next(from, to + 1);

            // Later in the window more returnees are registered; a few tries find a day with enough of them.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var time = options.WindowStart.AddDays(random.Next(days / 4, days)) + random.TimeOfDay(9, 16);
                if (time >= options.WindowEnd) continue;
                var participants = caseload.DrawParticipants(random, region, time, wanted, c => c.CanBeCounselledAt(time));
                if (participants.Count < MinParticipants) continue;

                sessions.Add(new GroupSessionFact
                {
                    EventId = $"grp-{options.Seed}-{sessions.Count + 1:D6}", Id = random.NextUuid(), Time = time, Region = region,
                    Topic = random.PickOne(Topics), Facilitator = random.PickOne(ReferenceData.CounsellorsIn(region)),
                    DurationMinutes = 5 * random.Next(12, 25), Participants = participants,
                });
                break;
            }
        }

        return sessions;
    }
}
