using System.Text.Json.Nodes;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;

namespace Reintegration.UnitTests.Simulator;

/// <summary>What the generator promises: every catalogue type, valid, deterministic, and kept to what each case allows.</summary>
public sealed class GeneratedProgrammeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Programme Generated = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = 400, Seed = 7 });

    [Fact]
    public void Every_catalogue_type_is_generated_and_every_event_passes_the_catalogue_check()
    {
        Assert.Equal(EventTypes.All.Order(), Generated.Events.Select(e => e.Type).Distinct().Order());
        Assert.Empty(ContractCheck.Problems(Generated.Events, Now));
    }

    [Fact]
    public void The_same_options_give_the_same_events_byte_for_byte()
    {
        var again = ProgrammeGenerator.Generate(new SimulationOptions { Returnees = 400, Seed = 7 });

        Assert.Equal(Generated.Events.Select(e => e.ToJsonString()), again.Events.Select(e => e.ToJsonString()));
    }

    [Fact]
    public void Nothing_of_a_returnee_is_dated_after_their_withdrawal()
    {
        var withdrawals = Generated.Facts.ConsentUpdates.Where(c => c.WithdrawsDataProcessing).ToDictionary(c => c.ReturneeId, c => c.Time);
        Assert.NotEmpty(withdrawals);

        var f = Generated.Facts;
        var activity = f.Sessions.Select(s => (s.ReturneeId, s.Time))
            .Concat(f.Assessments.Select(a => (a.ReturneeId, a.Time)))
            .Concat(f.Screenings.Select(s => (s.ReturneeId, s.Time)))
            .Concat(f.GroupSessions.SelectMany(g => g.Participants.Select(p => (p, g.Time))))
            .Concat(f.Workshops.SelectMany(w => w.Participants.Select(p => (p, w.Time))));
        Assert.DoesNotContain(activity, a => withdrawals.TryGetValue(a.Item1, out var at) && a.Time >= at);
    }

    [Fact]
    public void Most_returnees_assessed_twice_with_WHO5_improve_and_a_few_PHQ9s_raise_a_flag_followed_by_a_session()
    {
        var improved = ExpectedIndicators.For(Generated).Of(IndicatorCodes.WellbeingImproved);
        Assert.InRange(improved.Figure.Denominator!.Value, 50, 400);
        Assert.InRange(improved.Value!.Value, 50m, 95m);

        var flags = Generated.Facts.Assessments.Where(a => a.RaisesRiskFlag).ToList();
        Assert.NotEmpty(flags);
        Assert.Contains(flags, flag => Generated.Sessions.Any(s => s.ReturneeId == flag.ReturneeId && s.Time > flag.Time));
    }

    [Fact]
    public void The_plan_posts_what_depends_on_another_event_in_a_later_step_and_withdrawals_last()
    {
        var plan = Generated.Batches(batchSize: 100);
        var stepOf = new Dictionary<string, int>();
        var steps = new List<string>();
        foreach (var batch in plan.Batches.Where(b => !b.IsRetry))
        {
            if (steps.Count == 0 || steps[^1] != batch.Step) steps.Add(batch.Step);
            foreach (var e in batch.Events) stepOf[e.Id] = steps.Count - 1;
        }

        var f = Generated.Facts;
        foreach (var certification in f.Certifications)
            Assert.True(stepOf[certification.EventId] > stepOf[f.Trainings.Single(t => t.Id == certification.TrainingId).EventId]);
        foreach (var closure in f.ReferralClosures)
            Assert.True(stepOf[closure.EventId] > stepOf[f.Referrals.Single(r => r.ReferralId == closure.ReferralId).EventId]);
        var lastActivity = plan.Batches.Where(b => b.Service != PartnerService.Intake).Max(b => stepOf[b.Events[0].Id]);
        Assert.All(f.ConsentUpdates.Where(c => c.WithdrawsDataProcessing || c.RefusesCounselling), c => Assert.True(stepOf[c.EventId] > lastActivity));
        Assert.All(f.Reopenings, r => Assert.True(stepOf[r.EventId] > lastActivity));
        Assert.Equal(plan.DistinctEventCount, stepOf.Count);
    }

    [Fact]
    public void The_catalogue_check_finds_a_session_after_a_withdrawal_and_a_certification_without_its_training()
    {
        var withdrawal = Generated.Facts.ConsentUpdates.First(c => c.WithdrawsDataProcessing);
        var session = Generated.SessionEvents.First(e => Generated.Returnee(e.Subject).CounsellingConsent);
        var late = session.ToJsonObject();
        late["subject"] = withdrawal.ReturneeId.ToString();
        late["time"] = withdrawal.Time.AddDays(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        late["id"] = "ses-after-withdrawal";

        var certification = Generated.Events.First(e => e.Type == EventTypes.WorkerCertified).ToJsonObject();
        certification["data"]!["trainingId"] = Guid.NewGuid().ToString();
        certification["id"] = "crt-no-training";

        var problems = ContractCheck.Problems(
            [.. Generated.Events.Where(e => e.Type != EventTypes.WorkerCertified), Reparse(late, PartnerService.Counselling), Reparse(certification, PartnerService.Training)], Now);

        Assert.Contains(problems, p => p.StartsWith("ses-after-withdrawal: dated after returnee", StringComparison.Ordinal) && p.Contains("withdrew consent"));
        Assert.Contains(problems, p => p.StartsWith("crt-no-training: names training", StringComparison.Ordinal));
    }

    private static PartnerEvent Reparse(JsonObject e, PartnerService service) => PartnerEvent.FromJson(service, e);
}
