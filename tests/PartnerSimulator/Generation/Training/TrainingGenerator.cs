using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation.Training;

/// <summary>
/// Draws the trainings of social and health workers: one to three per course in each of the
/// programme's main regions, 10–30 workers each from the region's pool (so many workers take
/// several courses), most completing, the post-test mostly above the pre-test; and a
/// certification, some days after the training, for most workers who completed a course.
/// </summary>
internal static class TrainingGenerator
{
    private const int WorkersPerRegion = 60;
    private const double CompletedShare = 0.88;
    private const double CertifiedShare = 0.80;

    /// <summary>Trainings are held where most returnees live (catalogue regions).</summary>
    private static readonly IReadOnlyList<string> Regions = ["bamako", "kita", "kayes"];

    private static readonly Weighted<int> PerCourseAndRegion = new((1, 40), (2, 40), (3, 20));

    private static readonly Weighted<string> Role = new(
        (Codes.WorkerRole.SocialWorker, 35), (Codes.WorkerRole.HealthWorker, 30), (Codes.WorkerRole.CommunityVolunteer, 20),
        (Codes.WorkerRole.Teacher, 10), (Codes.WorkerRole.PublicOfficial, 5));

    private static readonly IReadOnlyList<string> Organisations =
        ["Direction régionale du développement social", "CSCOM", "Centre de santé de référence", "ONG Tonus", "Croix-Rouge malienne", "Académie d'enseignement"];

    public sealed record Result(List<TrainingFact> Trainings, List<CertificationFact> Certifications);

    public static Result Generate(Random random, SimulationOptions options)
    {
        var seed = options.Seed;
        var days = (int)Math.Floor((options.WindowEnd - options.WindowStart).TotalDays);
        var trainings = new List<TrainingFact>();

        foreach (var region in Regions)
        {
            var pool = Enumerable.Range(0, WorkersPerRegion).Select(_ => Worker(random, region)).ToArray();
            foreach (var course in Codes.Course.All)
            {
                for (var n = PerCourseAndRegion.Pick(random); n > 0; n--)
                {
                    var start = DateOnly.FromDateTime(options.WindowStart.UtcDateTime).AddDays(random.Next(0, Math.Max(1, days - 7)));
                    var end = start.AddDays(random.Next(0, 5));
                    // Reported on the evening the training ended.
                    var time = new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + random.TimeOfDay(17, 20);
                    if (time >= options.WindowEnd) continue;

                    random.Shuffle(pool);
                    trainings.Add(new TrainingFact
                    {
                        EventId = $"trn-{seed}-{trainings.Count + 1:D6}", Id = random.NextUuid(), Time = time, Course = course,
                        StartDate = start, EndDate = end, Region = region, Trainer = $"trainer-{random.Next(1, 7):D2}",
                        Participants = [.. pool.Take(random.Next(10, 31)).Select(worker => Scores(random, worker))],
                    });
                }
            }
        }

        trainings.Sort((a, b) => a.Time.CompareTo(b.Time));
        return new Result(trainings, Certifications(random, options, trainings));
    }

    /// <summary>A worker's first completed training of each course earns most of them a certificate, days to weeks later.</summary>
    private static List<CertificationFact> Certifications(Random random, SimulationOptions options, List<TrainingFact> trainings)
    {
        var certified = new HashSet<(Guid Worker, string Course)>();
        var certifications = new List<CertificationFact>();
        foreach (var training in trainings)
        {
            foreach (var trainee in training.Participants.Where(p => p.Completed))
            {
                if (!certified.Add((trainee.WorkerId, training.Course)) || !random.Chance(CertifiedShare)) continue;
                var time = random.DaysAfter(training.Time, random.Next(3, 31), 9, 17);
                if (time >= options.WindowEnd) continue;
                certifications.Add(new CertificationFact
                {
                    EventId = $"crt-{options.Seed}-{certifications.Count + 1:D6}", WorkerId = trainee.WorkerId, Time = time,
                    Course = training.Course, TrainingId = training.Id,
                });
            }
        }

        return certifications;
    }

    private static TraineeFact Worker(Random random, string region)
    {
        var role = Role.Pick(random);
        return new TraineeFact
        {
            WorkerId = random.NextUuid(),
            Sex = random.Chance(role is Codes.WorkerRole.SocialWorker or Codes.WorkerRole.HealthWorker ? 0.55 : 0.40) ? Codes.Sex.Female : Codes.Sex.Male,
            Role = role,
            Organisation = $"{random.PickOne(Organisations)} {char.ToUpperInvariant(region[0])}{region[1..]}",
            Completed = false,
        };
    }

    /// <summary>Most complete; most have both tests, and most do better after than before.</summary>
    private static TraineeFact Scores(Random random, TraineeFact worker)
    {
        var completed = random.Chance(CompletedShare);
        var pre = random.Next(20, 71);
        var post = Math.Clamp(pre + (random.Chance(0.8) ? random.Next(5, 36) : random.Next(-10, 5)), 0, 100);
        return random.NextDouble() switch
        {
            < 0.85 when completed => worker with { Completed = true, PreTestScore = pre, PostTestScore = post },
            < 0.92 => worker with { Completed = completed, PreTestScore = pre },
            _ => worker with { Completed = completed },
        };
    }
}
