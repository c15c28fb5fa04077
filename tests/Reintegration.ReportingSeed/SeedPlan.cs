using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Journeys;

namespace Reintegration.ReportingSeed;

/// <summary>
/// A synthetic programme of a given size, generated deterministically stream by stream (each
/// stream from its own seed, so the streams pass and the events pass agree without holding
/// anything in memory): returnees with a registration, most a screening, and their activities
/// (sessions, WHO-5 assessments, a referral, sometimes a closure); then awareness events,
/// group sessions, workshops and trainings on their own streams.
/// </summary>
public sealed class SeedPlan(int returnees, int activitiesPerReturnee, int seed = 2026)
{
    private static readonly string[] Regions =
        ["bamako", "kayes", "kita", "nioro", "koulikoro", "dioila", "nara", "sikasso", "bougouni", "koutiala", "segou", "san", "mopti", "douentza",
         "bandiagara", "tombouctou", "taoudenit", "gao", "menaka", "kidal"];
    private static readonly string[] Interventions = ["psychological-first-aid", "basic-counselling", "structured-psychological-intervention", "follow-up", "specialised-care"];
    private static readonly string[] Modalities = ["in-person", "phone", "video"];
    private static readonly string[] Vulnerabilities = ["unaccompanied-minor", "survivor-of-trafficking", "survivor-of-violence", "detention-experience", "disability", "single-parent"];
    private static readonly string[] Services = ["specialised-mental-health", "medical", "legal", "economic-reintegration", "education", "shelter", "family-tracing"];
    private static readonly string[] Courses = ["psychological-first-aid", "mhpss-foundations", "psychosocial-counselling", "case-management", "mhgap", "staff-care"];
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int Returnees => returnees;

    public int ActivityStreams => Math.Max(1, returnees / 100);

    /// <summary>The events of every stream, in order: returnees first, then activities.</summary>
    public IEnumerable<(Guid Stream, IReadOnlyList<object> Events)> Streams()
    {
        for (var i = 0; i < returnees; i++) yield return Returnee(i);
        for (var i = 0; i < ActivityStreams; i++) yield return Activity(i);
    }

    private (Guid, IReadOnlyList<object>) Returnee(int index)
    {
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var id = StreamId(0, index);
        var registered = Start.AddMinutes(random.Next(0, 365 * 24 * 60));
        var events = new List<object>
        {
            new RegistrationReported(id, registered, random.Next(2) == 0 ? "female" : "male", Pick(random, ["0-17", "18-24", "25-59", "60+"]),
                Pick(random, Regions), Pick(random, ["LY", "DZ", "NE", "MR", "BF"]), "assisted-voluntary", DateOnly.FromDateTime(registered.UtcDateTime.AddDays(-10))),
        };
        if (random.Next(4) > 0)
            events.Add(new ScreeningReported(id, registered.AddHours(2), [Pick(random, Vulnerabilities)], random.Next(5) == 0));
        var time = registered;
        for (var a = 0; a < activitiesPerReturnee; a++)
        {
            time = time.AddHours(random.Next(12, 24 * 20));
            events.Add((a % 10) switch
            {
                3 or 8 => new AssessmentReported(id, NewId(random), time, "who-5", random.Next(0, 26) * 4, "poor", false),
                9 => new ReferralMadeReported(id, NewId(random), time, Pick(random, Services), Pick(random, ["routine", "urgent", "emergency"])),
                _ => new CounsellingSessionReported(id, NewId(random), time, "individual", Pick(random, Modalities), Pick(random, Interventions), 45),
            });
        }

        if (random.Next(20) == 0) events.Add(new CaseClosedReported(id, time.AddDays(1), "support-completed"));
        return (id, events);
    }

    private (Guid, IReadOnlyList<object>) Activity(int index)
    {
        var random = new Random(unchecked(-seed * 1_000_003 - index));
        var id = StreamId(1, index);
        var time = Start.AddMinutes(random.Next(0, 365 * 24 * 60));
        var region = Pick(random, Regions);
        object activity = (index % 4) switch
        {
            0 => new AwarenessEventReported(id, time, "community-dialogue", region, random.Next(50), random.Next(50), random.Next(20), random.Next(20), 0),
            1 => new GroupSessionReported(id, time, region, 90, [NewId(random), NewId(random)]),
            2 => new WorkshopReported(id, time, "peer-support", region, [NewId(random)]),
            _ => new TrainingReported(id, time, Pick(random, Courses), region, DateOnly.FromDateTime(time.UtcDateTime), DateOnly.FromDateTime(time.UtcDateTime),
                [.. Enumerable.Range(0, 20).Select(_ => new TrainingParticipantReported(NewId(random), "female", "social-worker", random.Next(5) > 0, random.Next(60), 60 + random.Next(40)))]),
        };
        return (id, [activity]);
    }

    /// <summary>A stream's id from its kind and index: never two alike.</summary>
    private Guid StreamId(short kind, int index) => new(index, kind, (short)(0x4000 | (seed & 0x0FFF)), 0x80, 0, 0, 0, 0, 0, 0, 0);

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        return new Guid(bytes);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
