using Reintegration.ServiceDefaults.Problems;
using Reintegration.Training.Participants;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Support.HandlerSpecification;
using static Reintegration.UnitTests.Training.TrainingEvents;

namespace Reintegration.UnitTests.Training;

/// <summary>A workshop's participants: erased returnees and those whose case was closed at its time are refused, by name; strangers are accepted.</summary>
public sealed class RecordingAWorkshopTests
{
    private readonly Guid _workshop = Guid.NewGuid();
    private readonly Guid _awa = Guid.NewGuid();
    private readonly Guid _ibrahim = Guid.NewGuid();

    private static DateTimeOffset Day(int days) => Envelopes.At.AddDays(days);

    [Fact]
    public void A_workshop_of_returnees_Training_has_heard_nothing_of_is_recorded() =>
        Workshops.Given().When(Workshop(_workshop, WorkshopData(_awa, _ibrahim))).Then(Held(_workshop, Envelopes.At, _awa, _ibrahim));

    [Fact]
    public void The_same_workshop_again_adds_nothing() =>
        Workshops.Given(Held(_workshop, Envelopes.At, _awa)).When(Workshop(_workshop, WorkshopData(_awa))).ThenNothingNew();

    [Fact]
    public void The_same_workshop_with_other_participants_is_a_conflict() =>
        Workshops.Given(Held(_workshop, Envelopes.At, _awa)).When(Workshop(_workshop, WorkshopData(_awa, _ibrahim))).ThenRejected(ProblemKind.Contradiction);

    [Fact]
    public void A_workshop_naming_an_erased_returnee_is_refused_naming_them()
    {
        var problem = Workshops.Given(Learned(_ibrahim, new ErasureNoted(_ibrahim, Day(-3))))
            .When(Workshop(_workshop, WorkshopData(_awa, _ibrahim)))
            .ThenRejected(ProblemKind.StateForbids);

        Assert.Equal(["data.participants[1]"], problem.Errors!.Keys);
        Assert.Contains(_ibrahim.ToString(), problem.Detail);
        Assert.DoesNotContain(_awa.ToString(), problem.Detail);
    }

    [Fact]
    public void A_returnee_erased_after_the_workshop_s_time_is_refused_too_nothing_more_is_recorded() =>
        Workshops.Given(Learned(_awa, new ErasureNoted(_awa, Day(5))))
            .When(Workshop(_workshop, WorkshopData(_awa)))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void A_returnee_whose_case_was_closed_before_the_workshop_is_refused()
    {
        var problem = Workshops.Given(Learned(_awa, new ClosureNoted(_awa, Day(-10))))
            .When(Workshop(_workshop, WorkshopData(_ibrahim, _awa)))
            .ThenRejected(ProblemKind.StateForbids);

        Assert.Equal(["data.participants[1]"], problem.Errors!.Keys);
        Assert.Contains("closed", problem.Detail);
    }

    [Fact]
    public void A_closure_after_the_workshop_s_time_does_not_refuse_it_a_late_sync() =>
        Workshops.Given(Learned(_awa, new ClosureNoted(_awa, Day(2))))
            .When(Workshop(_workshop, WorkshopData(_awa)))
            .Then(Held(_workshop, Envelopes.At, _awa));

    [Fact]
    public void A_returnee_whose_case_was_reopened_before_the_workshop_takes_part() =>
        Workshops.Given(Learned(_awa, new ReopeningNoted(_awa, Day(-2)), new ClosureNoted(_awa, Day(-10))))
            .When(Workshop(_workshop, WorkshopData(_awa)))
            .Then(Held(_workshop, Envelopes.At, _awa));

    [Fact]
    public void A_reopening_after_the_workshop_does_not_cover_it() =>
        Workshops.Given(Learned(_awa, new ClosureNoted(_awa, Day(-10)), new ReopeningNoted(_awa, Day(1))))
            .When(Workshop(_workshop, WorkshopData(_awa)))
            .ThenRejected(ProblemKind.StateForbids);

    [Fact]
    public void Every_refused_participant_is_named()
    {
        var problem = Workshops.Given(Learned(_awa, new ClosureNoted(_awa, Day(-1))), Learned(_ibrahim, new ErasureNoted(_ibrahim, Day(-1))))
            .When(Workshop(_workshop, WorkshopData(Guid.NewGuid(), _awa, _ibrahim)))
            .ThenRejected(ProblemKind.StateForbids);

        Assert.Equal(["data.participants[1]", "data.participants[2]"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public void The_same_workshop_again_after_a_participant_was_erased_is_still_already_known() =>
        Workshops.Given(Held(_workshop, Envelopes.At, _awa), Learned(_awa, new ErasureNoted(_awa, Day(1))))
            .When(Workshop(_workshop, WorkshopData(_awa)))
            .ThenNothingNew();

    [Fact]
    public void The_example_workshop_data_is_valid() => Assert.Null(WorkshopProblem(WorkshopData(_awa)));

    [Theory]
    [InlineData("kind")]
    [InlineData("region")]
    [InlineData("facilitator")]
    [InlineData("participants")]
    public void A_required_field_left_out_is_named(string field) =>
        WorkshopProblem(WorkshopData(_awa).Without(field)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("art-therapy")]
    [InlineData("peer-support")]
    [InlineData("livelihood-skills")]
    [InlineData("technical-innovation")]
    [InlineData("cultural-activity")]
    public void Each_workshop_kind_of_the_catalogue_is_accepted(string kind) => Assert.Null(WorkshopProblem(WorkshopData(_awa).SetText("kind", kind)));

    [Fact]
    public void A_kind_not_in_the_catalogue_is_named() =>
        WorkshopProblem(WorkshopData(_awa).SetText("kind", "community-dialogue")).AssertOnlyField(ProblemKind.InvalidData, "data.kind");

    [Fact]
    public void No_participants_or_more_than_a_hundred_are_refused()
    {
        WorkshopProblem(WorkshopData()).AssertOnlyField(ProblemKind.InvalidData, "data.participants");
        Assert.Null(WorkshopProblem(WorkshopData(Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToArray())));
        WorkshopProblem(WorkshopData(Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()).ToArray())).AssertOnlyField(ProblemKind.InvalidData, "data.participants");
    }

    [Fact]
    public void A_returnee_listed_twice_is_refused() =>
        WorkshopProblem(WorkshopData(_awa, _awa)).AssertOnlyField(ProblemKind.InvalidData, "data.participants");
}
