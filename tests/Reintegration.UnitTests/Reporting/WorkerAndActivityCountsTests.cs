using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Journeys;
using static Reintegration.UnitTests.Reporting.Counts;
using static Reintegration.UnitTests.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting;

/// <summary>What a worker and an activity contribute: trainings, certificates, group sessions, awareness events, workshops.</summary>
public sealed class WorkerAndActivityCountsTests
{
    private readonly Guid _worker = Guid.NewGuid();

    private TrainingReported Training(DateTimeOffset time, string course, string region, bool completed = true, int? pre = 40, int? post = 70, string role = "social-worker") =>
        new(Guid.NewGuid(), time, course, region, DateOnly.FromDateTime(time.UtcDateTime), DateOnly.FromDateTime(time.UtcDateTime),
            [new TrainingParticipantReported(_worker, "female", role, completed, pre, post), new TrainingParticipantReported(Guid.NewGuid(), "male", "teacher", true, 10, 20)]);

    [Fact]
    public void A_worker_who_completed_two_trainings_counts_once_and_once_in_each_region_and_course()
    {
        var counts = OfWorker(_worker, Training(Day(1, 10), "mhgap", "kita"), Training(Day(2, 10), "staff-care", "gao", role: "health-worker"));

        Assert.Equal(1, counts.Total("workers-trained"));
        Assert.Equal(1, counts.Total("workers-trained", region: "kita"));
        Assert.Equal(1, counts.Total("workers-trained", region: "gao"));
        Assert.Equal(1, counts.Key("workers-trained", "course", "mhgap"));
        Assert.Equal(1, counts.Key("workers-trained", "role", "health-worker"));
        Assert.Equal(1, counts.Key("workers-trained", "role", "social-worker"));
        Assert.Equal(1, counts.Key("workers-trained", "sex", "female"));
    }

    [Fact]
    public void A_worker_who_did_not_complete_is_not_trained_and_gains_no_knowledge()
    {
        var counts = OfWorker(_worker, Training(Day(1, 10), "mhgap", "kita", completed: false));

        Assert.Equal(0, counts.Total("workers-trained"));
        Assert.Equal(default, counts.Value("knowledge-gain", Grain.All, null, "*", "", ""));
    }

    [Fact]
    public void Knowledge_gain_sums_post_minus_pre_over_completed_participants_with_both_scores()
    {
        var counts = OfWorker(_worker, Training(Day(1, 10), "mhgap", "kita", pre: 40, post: 75), Training(Day(1, 20), "mhgap", "kita", pre: null, post: 90));

        Assert.Equal(new CellValue(35, 1), counts.Value("knowledge-gain", Grain.All, null, "*", "", ""));
        Assert.Equal(new CellValue(35, 1), counts.Value("knowledge-gain", Grain.Day, new DateOnly(2026, 1, 10), "kita", "course", "mhgap"));
    }

    [Fact]
    public void A_certificate_counts_in_the_region_of_the_workers_latest_completed_training_of_its_course_and_in_none_before_it_is_known()
    {
        var certificate = new WorkerCertificationReported(_worker, Day(3, 1), "mhgap");
        var alone = OfWorker(_worker, certificate);
        var known = OfWorker(_worker, certificate, Training(Day(1, 10), "mhgap", "kita"), Training(Day(2, 10), "mhgap", "gao"));

        Assert.Equal(1, alone.Total("workers-certified"));
        Assert.Equal(1, alone.Key("workers-certified", "course", "mhgap"));
        Assert.DoesNotContain(alone.Cells.Keys, c => c.Indicator == "workers-certified" && c.Region != Contributions.AllRegions);
        Assert.Equal(1, known.Total("workers-certified", region: "gao"));
        Assert.Equal(0, known.Total("workers-certified", region: "kita"));
    }

    [Fact]
    public void Awareness_events_count_in_their_own_region_and_people_reached_splits_by_group()
    {
        var id = Guid.NewGuid();
        var counts = OfActivity(id, new AwarenessEventReported(id, Day(1, 12), "community-dialogue", "kayes", 34, 21, 0, 12, 3),
            new AwarenessEventReported(id, Day(1, 13), "radio-broadcast", "kita", 1, 1, 1, 1, 0));

        Assert.Equal(1, counts.Total("awareness-events", region: "kayes"));
        Assert.Equal(1, counts.Key("awareness-events", "kind", "community-dialogue"));
        Assert.Equal(67, counts.Total("people-reached"));
        Assert.Equal(34, counts.Key("people-reached", "group", "women"));
        Assert.Equal(0, counts.Key("people-reached", "group", "girls"));
        Assert.Equal(12, counts.Key("people-reached", "group", "boys", region: "kayes"));
    }

    [Fact]
    public void Group_sessions_and_workshops_count_in_their_own_region_whoever_took_part()
    {
        var (session, workshop) = (Guid.NewGuid(), Guid.NewGuid());
        var groups = OfActivity(session, new GroupSessionReported(session, Day(1, 12), "mopti", 60, [Guid.NewGuid(), Guid.NewGuid()]));
        var workshops = OfActivity(workshop, new WorkshopReported(workshop, Day(1, 12), "livelihood-skills", "segou", [Guid.NewGuid()]));

        Assert.Equal(1, groups.Total("group-sessions", region: "mopti"));
        Assert.Equal(1, workshops.Total("workshops", region: "segou"));
        Assert.Equal(1, workshops.Key("workshops", "kind", "livelihood-skills"));
    }
}
