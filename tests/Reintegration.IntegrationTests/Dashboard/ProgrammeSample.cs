using Reintegration.Contracts;

namespace Reintegration.IntegrationTests.Dashboard;

/// <summary>
/// Half a year of a small programme as Intake, Counselling and Training publish it: enough
/// returnees per region that most cells pass disclosure control and some do not (Gao and Nioro
/// hold a handful), and every kind of activity the catalogue's indicators count. Made from a
/// fixed seed, so each run draws the same page.
/// </summary>
public static class ProgrammeSample
{
    private static readonly (string Region, int Returnees)[] Regions = [("bamako", 30), ("kayes", 20), ("kita", 12), ("nioro", 4), ("gao", 2)];
    private static readonly string[] AgeGroups = ["18-24", "18-24", "25-59", "25-59", "25-59", "0-17", "60+"];
    private static readonly string[] Countries = ["LY", "LY", "DZ", "NE"];
    private static readonly string[] Interventions = ["psychological-first-aid", "basic-counselling", "basic-counselling", "structured-psychological-intervention", "follow-up"];
    private static readonly string[] Modalities = ["in-person", "in-person", "phone", "video"];
    private static readonly string[] Vulnerabilities = ["detention-experience", "survivor-of-violence", "mental-health-concern", "single-parent", "survivor-of-trafficking"];

    public static IReadOnlyList<object> Messages()
    {
        var random = new Random(7);
        var messages = new List<object>();
        var returnees = new List<(Guid Id, string Region)>();
        foreach (var (region, count) in Regions)
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            returnees.Add((id, region));
            var registered = Day(random, 1, 3);
            messages.Add(new ReturneeRegistered(id, registered, random.Next(100) < 45 ? "female" : "male", Pick(random, AgeGroups), region,
                Pick(random, Countries), random.Next(4) == 0 ? "humanitarian-evacuation" : "assisted-voluntary",
                DateOnly.FromDateTime(registered.UtcDateTime.AddDays(-10)), CounsellingConsent: true));
            messages.Add(new ReturneeScreened(id, registered.AddDays(2),
                Vulnerabilities.Where(_ => random.Next(3) == 0).ToList(), UrgentCareNeeded: random.Next(10) == 0));
            for (var s = random.Next(0, 4); s > 0; s--)
                messages.Add(new CounsellingSessionHeld(Guid.NewGuid(), id, Day(random, 2, 6), random.Next(5) == 0 ? "family" : "individual",
                    Pick(random, Modalities), Pick(random, Interventions), 45 + 15 * random.Next(4)));
            if (random.Next(2) == 0)
            {
                messages.Add(new AssessmentRecorded(id, Guid.NewGuid(), Day(random, 2, 3), "who-5", 36, "poor", false));
                messages.Add(new AssessmentRecorded(id, Guid.NewGuid(), Day(random, 5, 6), "who-5", 36 + 4 * random.Next(8), "adequate", false));
            }

            if (random.Next(4) == 0) messages.Add(new AssessmentRecorded(id, Guid.NewGuid(), Day(random, 2, 5), "phq-9", 8 + random.Next(12), "moderate", false));
            if (random.Next(5) == 0)
            {
                var referral = Guid.NewGuid();
                var made = Day(random, 3, 5);
                messages.Add(new ReferralMade(id, referral, made, random.Next(2) == 0 ? "economic-reintegration" : "medical", random.Next(4) == 0 ? "urgent" : "routine"));
                if (random.Next(2) == 0) messages.Add(new ReferralClosed(id, referral, made.AddDays(20), "service-received"));
            }

            if (random.Next(12) == 0) messages.Add(new ReturneeCaseClosed(id, Day(random, 6, 6), "support-completed"));
        }

        foreach (var region in new[] { "bamako", "bamako", "kayes", "kita" })
        {
            var participants = returnees.Where(r => r.Region == region).Select(r => r.Id).OrderBy(_ => random.Next()).Take(6).ToList();
            messages.Add(new GroupSessionHeld(Guid.NewGuid(), Day(random, 2, 6), region, 90, participants));
            messages.Add(new WorkshopHeld(Guid.NewGuid(), Day(random, 3, 6), random.Next(2) == 0 ? "art-therapy" : "livelihood-skills", region, participants.Take(5).ToList()));
        }

        foreach (var (region, course) in new[] { ("bamako", "psychological-first-aid"), ("kayes", "mhpss-foundations"), ("kita", "psychological-first-aid") })
        {
            var workers = Enumerable.Range(0, 12).Select(_ => new TrainedWorker(Guid.NewGuid(), random.Next(2) == 0 ? "female" : "male",
                random.Next(2) == 0 ? "social-worker" : "health-worker", random.Next(6) != 0, 40 + random.Next(20), 60 + random.Next(30))).ToList();
            var delivered = Day(random, 2, 4);
            messages.Add(new TrainingDelivered(Guid.NewGuid(), delivered, course, region, DateOnly.FromDateTime(delivered.UtcDateTime.AddDays(-4)),
                DateOnly.FromDateTime(delivered.UtcDateTime), workers));
            messages.AddRange(workers.Where(w => w.Completed).Take(8).Select(w => new WorkerCertified(w.WorkerId, delivered.AddDays(7), course)));
        }

        foreach (var region in new[] { "bamako", "bamako", "kayes", "kayes", "kita", "nioro" })
            messages.Add(new AwarenessEventHeld(Guid.NewGuid(), Day(random, 1, 6), random.Next(2) == 0 ? "community-dialogue" : "care-campaign", region,
                20 + random.Next(60), 15 + random.Next(50), random.Next(30), random.Next(30), []));
        return messages;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>A day of 2026 between the two months, at ten in the morning.</summary>
    private static DateTimeOffset Day(Random random, int firstMonth, int lastMonth) =>
        new DateTimeOffset(2026, random.Next(firstMonth, lastMonth + 1), 1 + random.Next(28), 10, 0, 0, TimeSpan.Zero);
}
