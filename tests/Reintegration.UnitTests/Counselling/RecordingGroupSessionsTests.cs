using Reintegration.Counselling.Clients;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Support.HandlerSpecification;
using static Reintegration.UnitTests.Counselling.CounsellingEvents;

namespace Reintegration.UnitTests.Counselling;

public sealed class RecordingGroupSessionsTests
{
    private readonly Guid _session = Guid.NewGuid();
    private readonly Guid _a = Guid.NewGuid();
    private readonly Guid _b = Guid.NewGuid();
    private readonly Guid _c = Guid.NewGuid();
    private static readonly DateTimeOffset At = Envelopes.At;

    [Fact]
    public void A_group_session_of_participants_not_registered_yet_is_recorded() =>
        GroupSessions.Given()
            .When(GroupSession(_session, GroupSessionData(_a, _b, _c)))
            .Then(GroupHeld(_session, At, _a, _b, _c));

    [Fact]
    public void A_group_session_of_consenting_participants_is_recorded() =>
        GroupSessions.Given(Learned(_a, new RegistrationNoted(_a, At.AddDays(-5), true)), Learned(_b, new RegistrationNoted(_b, At.AddDays(-5), true)))
            .When(GroupSession(_session, GroupSessionData(_a, _b)))
            .Then(GroupHeld(_session, At, _a, _b));

    [Fact]
    public void A_group_session_is_refused_whole_naming_every_participant_who_may_not_be_in_it()
    {
        var problem = GroupSessions.Given(
                Learned(_a, new RegistrationNoted(_a, At.AddDays(-5), CounsellingConsent: false)),
                Learned(_b, new RegistrationNoted(_b, At.AddDays(-5), true)),
                Learned(_c, new ErasureNoted(_c, At.AddDays(-1))))
            .When(GroupSession(_session, GroupSessionData(_a, _b, _c)))
            .ThenRejected(ProblemKind.StateForbids);

        Assert.Equal(["data.participants[0]", "data.participants[2]"], problem.Errors!.Keys.Order());
        Assert.Contains(_a.ToString(), problem.Errors["data.participants[0]"][0]);
        Assert.Contains("erased", problem.Errors["data.participants[2]"][0]);
    }

    [Fact]
    public void A_participant_whose_case_was_closed_before_the_session_is_named_one_closed_after_it_is_not()
    {
        var problem = GroupSessions.Given(
                Learned(_a, new ClosureNoted(_a, At.AddDays(-1))),
                Learned(_b, new ClosureNoted(_b, At.AddDays(1))))
            .When(GroupSession(_session, GroupSessionData(_a, _b)))
            .ThenRejected(ProblemKind.StateForbids);

        Assert.Equal(["data.participants[0]"], problem.Errors!.Keys);
    }

    [Fact]
    public void A_participant_reopened_before_the_session_may_be_in_it() =>
        GroupSessions.Given(Learned(_a, new ClosureNoted(_a, At.AddDays(-3)), new ReopeningNoted(_a, At.AddDays(-1))))
            .When(GroupSession(_session, GroupSessionData(_a, _b)))
            .Then(GroupHeld(_session, At, _a, _b));

    [Fact]
    public void The_same_group_session_again_is_already_known_and_with_other_details_a_conflict()
    {
        GroupSessions.Given(GroupHeld(_session, At, _a, _b)).When(GroupSession(_session, GroupSessionData(_a, _b))).ThenNothingNew();
        GroupSessions.Given(GroupHeld(_session, At, _a, _b)).When(GroupSession(_session, GroupSessionData(_a, _c))).ThenRejected(ProblemKind.Contradiction);
    }

    [Fact]
    public void The_same_participant_twice_is_named()
    {
        var problem = GroupSessions.Prepare(GroupSession(_session, GroupSessionData(_a, _b, _a))).Problem;
        problem.AssertOnlyField(ProblemKind.InvalidData, "data.participants[2]");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(51)]
    public void Fewer_than_2_or_more_than_50_participants_are_refused(int count) =>
        GroupSessions.Prepare(GroupSession(_session, GroupSessionData(Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray()))).Problem
            .AssertOnlyField(ProblemKind.InvalidData, "data.participants");

    [Theory]
    [InlineData(2)]
    [InlineData(50)]
    public void Two_to_50_participants_are_accepted(int count) =>
        Assert.Null(GroupSessions.Prepare(GroupSession(_session, GroupSessionData(Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray()))).Problem);

    [Theory]
    [InlineData("region", "timbuktu")]
    [InlineData("topic", "")]
    [InlineData("facilitator", "line\nbreak")]
    public void A_field_breaking_its_rule_is_named(string field, string value)
    {
        var data = GroupSessionData(_a, _b);
        data[field] = value;
        GroupSessions.Prepare(GroupSession(_session, data)).Problem.AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");
    }

    [Fact]
    public void The_decision_reads_every_participants_learned_facts() =>
        Assert.Equal([_session, .. new[] { _a, _b, _c }.Select(Reintegration.ServiceDefaults.EventStore.LearnedStreams.For)],
            GroupSessions.Prepare(GroupSession(_session, GroupSessionData(_a, _b, _c))).Pending!.Reads);
}
