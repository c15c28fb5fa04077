using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Indicators;
using Reintegration.Reporting.Journeys;
using static Reintegration.UnitTests.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting;

/// <summary>
/// Three registered returnees, one more whose registration has not arrived, and three awareness
/// events: every figure below is counted by hand from these facts.
/// </summary>
public sealed class ProgrammeIndicatorsTests
{
    private static readonly Guid Aminata = Guid.NewGuid();
    private static readonly Guid Moussa = Guid.NewGuid();
    private static readonly Guid Oumar = Guid.NewGuid();
    private static readonly Guid NotYetRegistered = Guid.NewGuid();

    private static readonly ReturneeJourney[] Returnees =
    [
        Journey(Aminata,
            Registered(Aminata, Day(1, 5), sex: "female", ageGroup: "18-24", region: "kita", returnedFrom: "LY"),
            Session(Aminata, Day(1, 10), intervention: "basic-counselling", modality: "in-person"),
            Session(Aminata, Day(2, 3), intervention: "follow-up", modality: "phone")),
        Journey(Moussa,
            Session(Moussa, Day(2, 28), intervention: "psychological-first-aid", modality: "in-person"),
            Registered(Moussa, Day(1, 20), sex: "male", ageGroup: "25-59", region: "bamako", returnedFrom: "DZ")),
        Journey(Oumar,
            Registered(Oumar, Day(2, 15), sex: "male", ageGroup: "0-17", region: "kita", returnedFrom: "NE")),
        Journey(NotYetRegistered,
            Session(NotYetRegistered, Day(2, 1), intervention: "specialised-care", modality: "video")),
    ];

    private static readonly AwarenessEventFact[] AwarenessEvents =
    [
        AwarenessEvent(Day(1, 12), region: "kayes", kind: "community-dialogue", women: 34, men: 21, girls: 9, boys: 12),
        AwarenessEvent(Day(2, 20), region: "bamako", kind: "radio-broadcast", women: 100, men: 80, girls: 0, boys: 0),
        AwarenessEvent(Day(3, 1), region: "kayes", kind: "care-campaign", women: 5, men: 5, girls: 5, boys: 5),
    ];

    private static readonly IReadOnlyList<Indicator> All = Indicators.Calculate(
        Returnees, AwarenessEvents, IndicatorFilter.Everything,
        new Dictionary<string, decimal> { ["returnees-reached"] = 5000 });

    [Fact]
    public void Returnees_registered_counts_registered_returnees_by_sex_age_group_region_and_country()
    {
        var indicator = All.Named("returnees-registered");

        Assert.Equal(3, indicator.Value);
        indicator.AssertBreakdown("sex", ("female", 1), ("male", 2));
        indicator.AssertBreakdown("ageGroup", ("0-17", 1), ("18-24", 1), ("25-59", 1));
        indicator.AssertBreakdown("region", ("bamako", 1), ("kita", 2));
        indicator.AssertBreakdown("returnedFrom", ("DZ", 1), ("LY", 1), ("NE", 1));
    }

    [Fact]
    public void Returnees_reached_counts_each_registered_returnee_with_a_session_once_against_its_target()
    {
        var indicator = All.Named("returnees-reached");

        Assert.Equal(2, indicator.Value);
        Assert.Equal(5000, indicator.Target);
        indicator.AssertBreakdown("sex", ("female", 1), ("male", 1));
        indicator.AssertBreakdown("ageGroup", ("18-24", 1), ("25-59", 1));
        indicator.AssertBreakdown("region", ("bamako", 1), ("kita", 1));
    }

    [Fact]
    public void Counselling_sessions_counts_the_sessions_of_registered_returnees_in_the_returnees_region()
    {
        var indicator = All.Named("counselling-sessions");

        Assert.Equal(3, indicator.Value);
        indicator.AssertBreakdown("intervention", ("basic-counselling", 1), ("follow-up", 1), ("psychological-first-aid", 1));
        indicator.AssertBreakdown("modality", ("in-person", 2), ("phone", 1));
        indicator.AssertBreakdown("region", ("bamako", 1), ("kita", 2));
    }

    [Fact]
    public void Awareness_events_counts_events_by_kind_and_their_own_region()
    {
        var indicator = All.Named("awareness-events");

        Assert.Equal(3, indicator.Value);
        indicator.AssertBreakdown("kind", ("care-campaign", 1), ("community-dialogue", 1), ("radio-broadcast", 1));
        indicator.AssertBreakdown("region", ("bamako", 1), ("kayes", 2));
    }

    [Fact]
    public void People_reached_sums_everyone_reached_by_group_and_region()
    {
        var indicator = All.Named("people-reached");

        Assert.Equal(76 + 180 + 20, indicator.Value);
        indicator.AssertBreakdown("group", ("women", 139), ("men", 106), ("girls", 14), ("boys", 17));
        indicator.AssertBreakdown("region", ("bamako", 180), ("kayes", 96));
    }

    [Fact]
    public void Every_indicator_of_these_slices_is_answered_once()
    {
        var codes = All.Select(i => i.Code).ToList();

        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Superset(new HashSet<string> { "returnees-registered", "returnees-reached", "counselling-sessions", "awareness-events", "people-reached" },
            codes.ToHashSet());
    }
}
