using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.Reporting.Activities;
using Reintegration.Training.Certification;
using Reintegration.Training.Trainings;
using Xunit;
using static Reintegration.IntegrationTests.Support.PartnerEvents;
using TrainingService = Reintegration.Training.TrainingService;

namespace Reintegration.IntegrationTests.Training;

/// <summary>Training's types through POST /events, the reads, and what reaches Reporting's log.</summary>
public sealed class TrainingIngestionTests(TrainingIngestionTests.Fixture fixture) : IClassFixture<TrainingIngestionTests.Fixture>
{
    public sealed class Fixture : SystemFixture
    {
        protected override async Task StartedAsync(TestSystem system)
        {
            await system.WaitUntilReadyAsync<TrainingService>();
            await system.WaitUntilReadyAsync<ReportingService>();
        }
    }

    private readonly HttpClient _training = fixture.System.Training.CreateClient();

    [Fact]
    public async Task A_training_is_accepted_once_the_same_report_adds_nothing_and_a_correction_is_a_409()
    {
        var training = Guid.NewGuid();
        var workers = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var first = TrainingReport(training, workers);

        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(first))).StatusCode);
        var before = await fixture.System.EventCountAsync<TrainingService>();

        var retry = await _training.PostAsync("/events", Single(first));
        var sameUnderNewId = await _training.PostAsync("/events", Single(TrainingReport(training, workers)));
        var correction = await _training.PostAsync("/events", Single(TrainingReport(training, workers, region: "kita")));

        Assert.Equal("duplicate", (string?)(await retry.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(HttpStatusCode.Accepted, sameUnderNewId.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, correction.StatusCode);
        Assert.Equal("urn:reintegration:problem:contradicts-stored-fact", await ProblemTypeAsync(correction));
        Assert.Equal(before, await fixture.System.EventCountAsync<TrainingService>());
    }

    [Fact]
    public async Task A_training_listing_the_same_worker_twice_is_a_422_naming_the_second()
    {
        var worker = Guid.NewGuid();
        var response = await _training.PostAsync("/events", Single(TrainingReport(Guid.NewGuid(), [worker, Guid.NewGuid(), worker])));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["data.participants[2].workerId"]);
    }

    [Fact]
    public async Task A_certification_racing_its_training_is_refused_until_the_training_is_stored_then_accepted_when_sent_again()
    {
        var training = Guid.NewGuid();
        var worker = Guid.NewGuid();
        var certification = Certification(worker, training);

        var early = await _training.PostAsync("/events", Single(certification));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        var problem = (await early.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("urn:reintegration:problem:training-not-known", (string?)problem["type"]);
        Assert.Contains("again", (string?)problem["detail"]);
        Assert.Null(await CertificateAsync(worker));

        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(TrainingReport(training, [worker])))).StatusCode);
        // The same event, same id: nothing of the refused one was stored, so it is new now.
        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(certification))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(Certification(worker, training)))).StatusCode);

        var stored = await CertificateAsync(worker);
        Assert.NotNull(stored);
        Assert.Single(stored.Certificates);
    }

    [Fact]
    public async Task In_one_batch_a_certification_after_its_training_is_accepted_and_one_before_it_refused()
    {
        var training = Guid.NewGuid();
        var (before, after) = (Guid.NewGuid(), Guid.NewGuid());

        var response = await _training.PostAsync("/events", Batch(Certification(before, training), TrainingReport(training, [before, after]), Certification(after, training)));

        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["rejected", "accepted", "accepted"], results.Select(r => (string?)r!["status"]));
        Assert.Equal("urn:reintegration:problem:training-not-known", (string?)results[0]!["problem"]!["type"]);
    }

    [Fact]
    public async Task A_certification_for_another_course_or_by_a_worker_who_did_not_complete_is_a_422_saying_which()
    {
        var training = Guid.NewGuid();
        var (completed, dropped) = (Guid.NewGuid(), Guid.NewGuid());
        await _training.PostAsync("/events", Single(TrainingReport(training, [completed, dropped], notCompleted: [dropped])));

        var otherCourse = await _training.PostAsync("/events", Single(Certification(completed, training, course: "mhgap")));
        var notCompleted = await _training.PostAsync("/events", Single(Certification(dropped, training)));
        var stranger = await _training.PostAsync("/events", Single(Certification(Guid.NewGuid(), training)));

        Assert.NotNull((await otherCourse.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["data.course"]);
        Assert.Contains("did not complete", await DetailAsync(notCompleted));
        Assert.Contains("not a participant", await DetailAsync(stranger));
        Assert.All([otherCourse, notCompleted, stranger], r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
    }

    [Fact]
    public async Task The_reads_show_a_worker_s_trainings_and_certificates_a_training_and_workers_by_organisation_role_and_region()
    {
        var training = Guid.NewGuid();
        var worker = Guid.NewGuid();
        var organisation = $"CSREF {Guid.NewGuid():N}"[..30];
        await _training.PostAsync("/events", Single(TrainingReport(training, [worker, Guid.NewGuid()], course: "mhgap", region: "mopti", organisation: organisation, role: "health-worker")));
        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(Certification(worker, training, course: "mhgap")))).StatusCode);

        var view = await Eventually.UntilAsync(() => GetAsync($"/workers/{worker}"), w => w?["certificates"]?.AsArray().Count == 1, "the worker's certificate");
        var trained = view!["trainings"]!.AsArray().Single()!;
        Assert.Equal("mhgap", (string?)trained["course"]);
        Assert.Equal("2026-03-02", (string?)trained["startDate"]);
        Assert.Equal(40, (int?)trained["preTestScore"]);
        Assert.Equal(75, (int?)trained["postTestScore"]);
        Assert.True((bool)trained["completed"]!);

        var trainingView = (await GetAsync($"/trainings/{training}"))!;
        Assert.Equal(2, trainingView["participants"]!.AsArray().Count);

        var page = (await GetAsync($"/workers?organisation={Uri.EscapeDataString(organisation)}&role=health-worker&region=mopti"))!;
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.Empty((await GetAsync($"/workers?organisation={Uri.EscapeDataString(organisation)}&region=kidal"))!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await _training.GetAsync("/workers?role=nurse")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _training.GetAsync($"/workers/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _training.GetAsync($"/trainings/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_workshop_is_accepted_and_with_the_training_and_certificate_reaches_Reporting_s_log_and_the_participants_journeys()
    {
        var (training, worker, workshop, returnee) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(TrainingReport(training, [worker])))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(Certification(worker, training)))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _training.PostAsync("/events", Single(Workshop(workshop, [returnee, Guid.NewGuid()])))).StatusCode);

        var reported = await Eventually.UntilAsync(async () =>
        {
            await using var session = fixture.System.Store<ReportingService>().QuerySession();
            return (await session.Events.FetchStreamAsync(training)).Select(e => e.Data)
                .Concat((await session.Events.FetchStreamAsync(worker)).Select(e => e.Data))
                .Concat((await session.Events.FetchStreamAsync(workshop)).Select(e => e.Data)).ToList();
        }, r => r.Count == 3, "the training, certificate and workshop in Reporting's log");
        var delivered = Assert.Single(reported.OfType<TrainingReported>());
        Assert.Equal(worker, Assert.Single(delivered.Participants).WorkerId);
        Assert.Equal("psychological-first-aid", Assert.Single(reported.OfType<WorkerCertificationReported>()).Course);
        Assert.Equal(2, Assert.Single(reported.OfType<WorkshopReported>()).Participants.Count);

        var journey = await Eventually.UntilAsync(() => GetAsync(fixture.System.Reporting.CreateClient(), $"/returnees/{returnee}/journey"),
            j => j is not null, "the workshop in the participant's journey");
        var step = journey!["steps"]!.AsArray().Single()!;
        Assert.Equal("workshop-attended", (string?)step["what"]);
        Assert.Equal("livelihood-skills", (string?)step["details"]!["kind"]);
    }

    private async Task<CertifiedWorker?> CertificateAsync(Guid worker)
    {
        await using var session = fixture.System.Store<TrainingService>().QuerySession();
        return await Reintegration.ServiceDefaults.EventStore.StreamStates.FoldAsync<CertifiedWorker>(session, worker, CancellationToken.None);
    }

    private Task<JsonObject?> GetAsync(string path) => GetAsync(_training, path);

    private static async Task<JsonObject?> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private static async Task<string?> ProblemTypeAsync(HttpResponseMessage response) => (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["type"];

    private static async Task<string> DetailAsync(HttpResponseMessage response) => (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"] ?? "";
}
