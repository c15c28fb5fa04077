using Reintegration.Reporting.Journeys;
using static Reintegration.UnitTests.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting;

public sealed class ReturneeJourneyTests
{
    private readonly Guid _returnee = Guid.NewGuid();

    [Fact]
    public void A_session_told_twice_is_kept_once()
    {
        var session = Session(_returnee, Day(2, 3));

        var journey = Journey(_returnee, Registered(_returnee, Day(1, 5)), session, session);

        Assert.Equal(session.SessionId, Assert.Single(journey.Sessions).SessionId);
    }

    [Fact]
    public void Two_sessions_are_both_kept_in_the_order_told()
    {
        var first = Session(_returnee, Day(2, 3));
        var second = Session(_returnee, Day(2, 10));

        var journey = Journey(_returnee, first, second);

        Assert.Equal([first.SessionId, second.SessionId], journey.Sessions.Select(s => s.SessionId));
    }

    [Fact]
    public void A_registration_arriving_after_the_sessions_joins_the_same_journey()
    {
        var first = Session(_returnee, Day(1, 10));
        var second = Session(_returnee, Day(1, 17));
        var registration = Registered(_returnee, Day(1, 5), region: "kayes");

        var journey = Journey(_returnee, first, second, registration);

        Assert.Equal(_returnee, journey.Id);
        Assert.True(journey.Registered);
        Assert.Equal("kayes", journey.Registration!.Region);
        Assert.Equal(2, journey.Sessions.Count);
    }

    [Fact]
    public void Before_its_registration_a_journey_is_not_registered()
    {
        var journey = Journey(_returnee, Session(_returnee, Day(1, 10)));

        Assert.False(journey.Registered);
        Assert.Null(journey.Registration);
        Assert.Single(journey.Sessions);
    }

    [Fact]
    public void A_registration_told_again_keeps_the_first()
    {
        var journey = Journey(_returnee, Registered(_returnee, Day(1, 5), region: "kita"), Registered(_returnee, Day(1, 6), region: "kayes"));

        Assert.Equal("kita", journey.Registration!.Region);
    }

    [Fact]
    public void An_awareness_event_attended_told_twice_is_kept_once()
    {
        var attended = new AwarenessEventAttended(_returnee, Guid.NewGuid(), Day(2, 1), "community-dialogue", "kayes");

        var journey = Journey(_returnee, attended, attended);

        Assert.Single(journey.AwarenessEvents);
    }
}
