using Reintegration.PartnerSimulator.Generation;
using static Reintegration.UnitTests.Simulator.ProgrammeFactsBuilder;

namespace Reintegration.UnitTests.Simulator;

/// <summary>The oracle's training and community indicators, each in the activity's own region.</summary>
public sealed class OracleTrainingTests
{
    private readonly Guid _fatou = Guid.NewGuid();
    private readonly Guid _issa = Guid.NewGuid();
    private readonly Guid _hawa = Guid.NewGuid();

    [Fact]
    public void Workers_trained_counts_each_worker_who_completed_once_and_once_per_course_and_region()
    {
        var pfa = TrainingOf(Day(2, 5), "psychological-first-aid", "kita",
            Trainee(_fatou, completed: true), Trainee(_issa, completed: true, role: "health-worker", sex: "male"), Trainee(_hawa, completed: false));
        var mhgap = TrainingOf(Day(3, 5), "mhgap", "bamako", Trainee(_fatou, completed: true));
        var given = new ProgrammeFacts { Trainings = [pfa, mhgap] };

        var trained = ExpectedIndicators.For(given).Of(IndicatorCodes.WorkersTrained);

        Assert.Equal(2, trained.Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["psychological-first-aid"] = 2, ["mhgap"] = 1 }, trained.Cells("course"));
        Assert.Equal(new Dictionary<string, decimal?> { ["kita"] = 2, ["bamako"] = 1 }, trained.Cells("region"));
        Assert.Equal(new Dictionary<string, decimal?> { ["social-worker"] = 1, ["health-worker"] = 1 }, trained.Cells("role"));
        Assert.Equal(new Dictionary<string, decimal?> { ["female"] = 1, ["male"] = 1 }, trained.Cells("sex"));
        Assert.Equal(1, ExpectedIndicators.For(given, new IndicatorQuery(Region: "bamako")).Of(IndicatorCodes.WorkersTrained).Value);
    }

    [Fact]
    public void Knowledge_gain_is_the_mean_of_post_minus_pre_over_completed_participants_with_both_scores()
    {
        var given = new ProgrammeFacts
        {
            Trainings =
            [
                TrainingOf(Day(2, 5), "mhgap", "kita",
                    Trainee(_fatou, completed: true, pre: 40, post: 60),   // +20
                    Trainee(_issa, completed: true, pre: 50, post: 45),    // −5
                    Trainee(_hawa, completed: false, pre: 10, post: 90),   // not completed
                    Trainee(Guid.NewGuid(), completed: true, pre: 30)),    // no post-test
                TrainingOf(Day(3, 5), "staff-care", "kita", Trainee(_fatou, completed: true, pre: 50, post: 51)),
            ],
        };

        var gain = ExpectedIndicators.For(given).Of(IndicatorCodes.KnowledgeGain);

        Assert.Equal(IndicatorKind.Mean, gain.Kind);
        Assert.Equal(new ExpectedFigure(5.3m, 16, 3), gain.Figure);
        Assert.Equal(new ExpectedFigure(7.5m, 15, 2), gain.Breakdown["course"]["mhgap"]);
        Assert.Equal(new ExpectedFigure(1.0m, 1, 1), gain.Breakdown["course"]["staff-care"]);
    }

    [Fact]
    public void Workers_certified_are_distinct_per_course_dated_by_the_certification_in_the_region_of_its_training()
    {
        var inKita = TrainingOf(Day(2, 5), "mhgap", "kita", Trainee(_fatou, completed: true), Trainee(_issa, completed: true));
        var inBamako = TrainingOf(Day(2, 6), "staff-care", "bamako", Trainee(_fatou, completed: true));
        var given = new ProgrammeFacts
        {
            Trainings = [inKita, inBamako],
            Certifications = [Certification(_fatou, inKita, Day(3, 1)), Certification(_issa, inKita, Day(2, 20)), Certification(_fatou, inBamako, Day(3, 2))],
        };

        var all = ExpectedIndicators.For(given).Of(IndicatorCodes.WorkersCertified);
        var marchInKita = ExpectedIndicators.For(given, new IndicatorQuery(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), "kita")).Of(IndicatorCodes.WorkersCertified);

        Assert.Equal(2, all.Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["mhgap"] = 2, ["staff-care"] = 1 }, all.Cells("course"));
        Assert.Equal(1, marchInKita.Value);
    }

    [Fact]
    public void People_reached_sums_the_reached_counts_by_group_and_region_and_workshops_count_in_their_own_region()
    {
        var given = new ProgrammeFacts
        {
            AwarenessEvents = [Awareness(Day(2, 1), "kayes", women: 10, men: 5, girls: 2), Awareness(Day(2, 2), "kita", boys: 7)],
            Workshops = [Workshop(Day(2, 3), "kita", "art-therapy", Guid.NewGuid()), Workshop(Day(2, 4), "kita", "art-therapy", Guid.NewGuid())],
        };

        var all = ExpectedIndicators.For(given);

        Assert.Equal(24, all.Of(IndicatorCodes.PeopleReached).Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["women"] = 10, ["men"] = 5, ["girls"] = 2, ["boys"] = 7 }, all.Of(IndicatorCodes.PeopleReached).Cells("group"));
        Assert.Equal(new Dictionary<string, decimal?> { ["kayes"] = 17, ["kita"] = 7 }, all.Of(IndicatorCodes.PeopleReached).Cells("region"));
        Assert.Equal(2, all.Of(IndicatorCodes.AwarenessEvents).Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["art-therapy"] = 2 }, all.Of(IndicatorCodes.Workshops).Cells("kind"));
        Assert.Equal(0, ExpectedIndicators.For(given, new IndicatorQuery(Region: "bamako")).Of(IndicatorCodes.Workshops).Value);
    }

    [Fact]
    public void Cases_closed_count_every_closure_by_reason_in_the_returnees_region()
    {
        var awa = Guid.NewGuid();
        var given = new ProgrammeFacts
        {
            Returnees = [Returnee(awa, region: "kita")],
            Closures = [Closure(awa, Day(3, 1), "left-area"), Closure(awa, Day(6, 1), "support-completed")],
        };

        var closed = ExpectedIndicators.For(given, new IndicatorQuery(Region: "kita")).Of(IndicatorCodes.CasesClosed);

        Assert.Equal(2, closed.Value);
        Assert.Equal(new Dictionary<string, decimal?> { ["left-area"] = 1, ["support-completed"] = 1 }, closed.Cells("reason"));
    }
}
