using System.Diagnostics;
using Reintegration.Benchmarks.Report;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.Benchmarks.Scenarios;

/// <summary>
/// Batch ingestion of activity that names many people per event, one post at a time, in batches
/// of 500: group sessions of 20 returnees at Counselling (each participant's consent, closure and
/// erasure read and version-checked: a participant check) and trainings of 30 workers at
/// Training (batches of up to 500, and within the catalogue's 1 MiB). The returnees are those the Intake batch phase registered, who consented to
/// counselling, so every check reads a real learned stream; every event must be accepted. No
/// new batch starts once the time budget is spent; the rate is over what was posted.
/// </summary>
public static class ActivityIngestion
{
    public const int GroupSize = 20;
    public const int TrainingSize = 30;

    /// <param name="PerEvent">People each event names: participant checks per group session, workers per training.</param>
    public sealed record Result(string What, PartnerService Service, int PerEvent, int Planned, Throughput Events, Latencies BatchLatency)
    {
        /// <summary>People named per second: participant checks for group sessions.</summary>
        public double PeoplePerSecond => Events.PerSecond * PerEvent;
    }

    /// <param name="registeredSeed">The seed of the programme whose registrations the Intake batch phase posted.</param>
    public static Task<Result> GroupSessionsAsync(
        Services services, int registeredSeed, int registrations, int sessions, int batchSize, TimeSpan budget, CancellationToken cancellationToken)
    {
        var known = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = registrations, Seed = registeredSeed, NotAfter = DateTimeOffset.UtcNow });
        var consenting = known.Returnees.Where(r => r.CounsellingConsent).ToList();
        var after = known.Returnees.Max(r => r.RegisteredAt).AddHours(1);
        var random = new Random(registeredSeed);
        var events = Enumerable.Range(1, sessions).Select(n =>
        {
            var participants = consenting.OrderBy(_ => random.Next()).Take(GroupSize).Select(r => r.Id).ToList();
            return CloudEventFactory.GroupSession(new GroupSessionFact
            {
                EventId = $"bench-grp-{registeredSeed}-{n:D6}", Id = Guid.CreateVersion7(), Time = after.AddMinutes(n % 600), Region = "bamako",
                Topic = "Coping with stress after return", Facilitator = "counsellor-01", DurationMinutes = 90, Participants = participants,
            });
        }).ToList();
        return PostAsync(services, "group sessions", PartnerService.Counselling, GroupSize, events, batchSize, budget, cancellationToken);
    }

    public static Task<Result> TrainingsAsync(Services services, int seed, int trainings, int batchSize, TimeSpan budget, CancellationToken cancellationToken)
    {
        var end = new DateOnly(2026, 9, 30);
        var events = Enumerable.Range(1, trainings).Select(n => CloudEventFactory.Training(new TrainingFact
        {
            EventId = $"bench-trn-{seed}-{n:D6}", Id = Guid.CreateVersion7(), Time = new DateTimeOffset(end.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero),
            Course = Codes.Course.All[n % Codes.Course.All.Count], StartDate = end.AddDays(-2), EndDate = end, Region = "kita", Trainer = "trainer-01",
            Participants = [.. Enumerable.Range(0, TrainingSize).Select(p => new TraineeFact
            {
                WorkerId = Guid.CreateVersion7(), Sex = p % 2 == 0 ? Codes.Sex.Female : Codes.Sex.Male, Role = Codes.WorkerRole.HealthWorker,
                Organisation = "CSCOM Kita", PreTestScore = 40 + p, PostTestScore = 60 + p, Completed = p % 10 != 0,
            })],
        })).ToList();
        return PostAsync(services, "trainings", PartnerService.Training, TrainingSize, events, batchSize, budget, cancellationToken);
    }

    private static async Task<Result> PostAsync(
        Services services, string what, PartnerService service, int perEvent, List<PartnerEvent> events, int batchSize, TimeSpan budget, CancellationToken cancellationToken)
    {
        // Up to 500 events, and within the catalogue's 1 MiB: trainings of 30 workers reach it first.
        var batches = PostingBatch.Chunk(events, batchSize).Select((chunk, i) => PostingBatch.Of(i, service, what, chunk)).ToList();
        foreach (var batch in batches) _ = batch.Utf8Json; // serialised before the clock starts

        var partner = services.Partner();
        var tallies = new List<BatchTally>();
        var latencies = new List<double>();
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in batches)
        {
            if (Stopwatch.GetElapsedTime(started) >= budget) break;
            var posted = Stopwatch.GetTimestamp();
            tallies.Add(await partner.PostBatchAsync(batch, cancellationToken));
            latencies.Add(Stopwatch.GetElapsedTime(posted).TotalMilliseconds);
        }

        var accepted = new Throughput(tallies.Sum(t => t.Accepted), Stopwatch.GetElapsedTime(started));
        if (tallies.SelectMany(t => t.Rejections).FirstOrDefault() is { } rejected)
            throw new BenchmarkFailure($"{service} rejected {tallies.Sum(t => t.Rejected)} new {what}, e.g. {rejected}");
        if (accepted.Count != tallies.Sum(t => t.Events))
            throw new BenchmarkFailure($"{service} accepted {accepted.Count} of {tallies.Sum(t => t.Events)} new {what}.");
        return new Result(what, service, perEvent, events.Count, accepted, new Latencies(latencies));
    }
}
