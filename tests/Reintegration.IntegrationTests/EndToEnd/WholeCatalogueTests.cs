using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.PartnerSimulator.Posting;
using Reintegration.Reporting;
using Reintegration.Reporting.Activities;
using Reintegration.ServiceDefaults.Access;
using Xunit;

namespace Reintegration.IntegrationTests.EndToEnd;

/// <summary>
/// The simulator's whole catalogue (all sixteen types, the case lifecycle included) posted to
/// Intake, Counselling and Training as the partners would, every event accepted, and through
/// RabbitMQ into Reporting: each returnee's journey holds their counselling and training
/// activity in time order, and trainings, certifications and workshops reach Reporting's log.
/// </summary>
public sealed class WholeCatalogueTests : IAsyncLifetime
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(180);

    // Journey steps of the activity the simulator posts to Counselling and Training, by the catalogue type behind them.
    private static readonly string[] ActivitySteps =
        ["session-held", "group-session-attended", "assessment-recorded", "referral-made", "referral-closed", "workshop-attended", "awareness-event-attended"];

    private TestSystem _system = null!;
    private readonly Programme _programme = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = 300, Seed = 11 });

    public async Task InitializeAsync() => _system = await TestSystem.CreateAsync();
    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Every_event_is_accepted_and_every_journey_holds_its_counselling_and_training_in_time_order()
    {
        _ = _system.Reporting.Server;
        var plan = _programme.Batches(batchSize: 200);

        var tally = await Partner().RunAsync(plan);

        Assert.Empty(tally.Rejections);
        Assert.Equal(plan.DistinctEventCount, tally.Accepted);
        Assert.Equal(plan.RetriedEventCount, tally.Duplicate);

        using var reporting = _system.Reporting.ClientWith(TestTokens.Mint([Scopes.JourneysRead], [], "reporting-officer"));
        foreach (var returnee in _programme.Returnees)
        {
            var expected = ExpectedActivity(returnee.Id);
            // Registered too: Intake's registration and the activity Counselling and Training
            // report reach Reporting by separate publishers, in either order, so a journey can
            // hold every activity a moment before it learns the registration.
            var journey = await Eventually.UntilAsync(() => JourneyAsync(reporting, returnee.Id),
                j => j is not null && Same(Activity(j), expected) && (bool)j["registered"]!,
                $"returnee {returnee.Number}'s journey to be registered and hold their {expected.Count} activities", Drain);

            var times = journey!["steps"]!.AsArray().Select(s => DateTimeOffset.Parse((string)s!["time"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(times.Order(), times);
        }
    }

    [Fact]
    public async Task Trainings_certifications_and_workshops_reach_Reportings_log()
    {
        _ = _system.Reporting.Server;
        var tally = await Partner().RunAsync(_programme.Batches());
        Assert.Empty(tally.Rejections);
        var facts = _programme.Facts;
        Assert.NotEmpty(facts.Trainings);
        Assert.NotEmpty(facts.Certifications);
        Assert.NotEmpty(facts.Workshops);

        var store = _system.Store<ReportingService>();
        var logged = await Eventually.UntilAsync(async () =>
        {
            await using var session = store.QuerySession();
            return (
                Trainings: await session.Events.QueryRawEventDataOnly<TrainingReported>().ToListAsync(),
                Certifications: await session.Events.QueryRawEventDataOnly<WorkerCertificationReported>().ToListAsync(),
                Workshops: await session.Events.QueryRawEventDataOnly<WorkshopReported>().ToListAsync());
        }, l => l.Trainings.Count >= facts.Trainings.Count && l.Certifications.Count >= facts.Certifications.Count && l.Workshops.Count >= facts.Workshops.Count,
            "Reporting to log every training, certification and workshop", Drain);

        Assert.Equal(
            facts.Trainings.Select(t => (t.Id, t.Course, t.Region, t.Participants.Count, t.Participants.Count(p => p.Completed))).Order(),
            logged.Trainings.Select(t => (t.TrainingId, t.Course, t.Region, t.Participants.Count, t.Participants.Count(p => p.Completed))).Order());
        Assert.Equal(facts.Certifications.Select(c => (c.WorkerId, c.Course)).Order(), logged.Certifications.Select(c => (c.WorkerId, c.Course)).Order());
        Assert.Equal(
            facts.Workshops.Select(w => (w.Id, w.Kind, w.Region, string.Join(",", w.Participants.Order()))).Order(),
            logged.Workshops.Select(w => (w.WorkshopId, w.Kind, w.Region, string.Join(",", w.Participants.Order()))).Order());
    }

    /// <summary>Each partner system posts with its own token: the NGO's field app to Intake and Counselling, the UN agency's training system to Training.</summary>
    private PartnerClient Partner()
    {
        var fieldApp = TestTokens.Mint([Scopes.EventsWrite], [PartnerSources.NgoFieldApp], "ngo-field-app");
        var trainingSystem = TestTokens.Mint([Scopes.EventsWrite], [PartnerSources.UnAgencyTraining], "un-agency-training");
        return new(_system.Intake.ClientWith(fieldApp), _system.Counselling.ClientWith(fieldApp), _system.Training.ClientWith(trainingSystem));
    }

    /// <summary>What the returnee's journey should hold of Counselling's and Training's activity, from the simulator's facts.</summary>
    private List<(string What, DateTimeOffset Time)> ExpectedActivity(Guid returnee)
    {
        var f = _programme.Facts;
        return
        [
            .. f.Sessions.Where(s => s.ReturneeId == returnee).Select(s => ("session-held", s.Time)),
            .. f.GroupSessions.Where(g => g.Participants.Contains(returnee)).Select(g => ("group-session-attended", g.Time)),
            .. f.Assessments.Where(a => a.ReturneeId == returnee).Select(a => ("assessment-recorded", a.Time)),
            .. f.Referrals.Where(r => r.ReturneeId == returnee).Select(r => ("referral-made", r.Time)),
            .. f.ReferralClosures.Where(c => c.ReturneeId == returnee).Select(c => ("referral-closed", c.Time)),
            .. f.Workshops.Where(w => w.Participants.Contains(returnee)).Select(w => ("workshop-attended", w.Time)),
            .. f.AwarenessEvents.Where(a => a.ReturneeParticipants.Contains(returnee)).Select(a => ("awareness-event-attended", a.Time)),
        ];
    }

    private static List<(string What, DateTimeOffset Time)> Activity(JsonObject journey) =>
    [
        .. journey["steps"]!.AsArray()
            .Select(s => (What: (string)s!["what"]!, Time: DateTimeOffset.Parse((string)s["time"]!, System.Globalization.CultureInfo.InvariantCulture)))
            .Where(s => ActivitySteps.Contains(s.What)),
    ];

    private static bool Same(List<(string What, DateTimeOffset Time)> actual, List<(string What, DateTimeOffset Time)> expected) =>
        actual.Count == expected.Count && actual.Order().SequenceEqual(expected.Order());

    private static async Task<JsonObject?> JourneyAsync(HttpClient reporting, Guid returnee)
    {
        using var response = await reporting.GetAsync($"/returnees/{returnee}/journey");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }
}
