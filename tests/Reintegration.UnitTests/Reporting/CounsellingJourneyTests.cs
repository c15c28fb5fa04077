using Reintegration.Reporting.Journeys;
using static Reintegration.UnitTests.Reporting.Journeys;

namespace Reintegration.UnitTests.Reporting;

/// <summary>Counselling's group sessions, assessments, flags and referrals join the journey in order of time, as codes and scores.</summary>
public sealed class CounsellingJourneyTests
{
    private readonly Guid _returnee = Guid.NewGuid();
    private readonly Guid _assessment = Guid.NewGuid();
    private readonly Guid _referral = Guid.NewGuid();

    [Fact]
    public void Every_counselling_step_is_in_order_of_time_whatever_order_it_was_told_and_told_twice_is_kept_once()
    {
        object[] told =
        [
            new ReferralClosedReported(_returnee, _referral, Day(1, 9), "service-received"),
            new RiskFlagFollowedUpReported(_returnee, _assessment, Day(1, 6), Day(1, 8)),
            new GroupSessionAttended(_returnee, Guid.NewGuid(), Day(1, 7), "gao", 90, 12),
            new AssessmentReported(_returnee, _assessment, Day(1, 6), "phq-9", 14, "moderate", true),
            new RiskFlagRaisedReported(_returnee, _assessment, Day(1, 6)),
            new ReferralMadeReported(_returnee, _referral, Day(1, 7).AddHours(1), "specialised-mental-health", "urgent"),
            new RiskFlagFollowedUpReported(_returnee, _assessment, Day(1, 6), Day(1, 7).AddHours(2)),
            new AssessmentReported(_returnee, _assessment, Day(1, 6), "phq-9", 14, "moderate", true),
        ];

        var steps = JourneyView.From(Journey(_returnee, told)).Steps;

        Assert.Equal(["assessment-recorded", "risk-flag-raised", "group-session-attended", "referral-made", "risk-flag-followed-up", "referral-closed"],
            steps.Select(s => s.What));
        Assert.All(steps, s => Assert.Equal("counselling", s.Service));
        Assert.Equal("14", steps[0].Details["score"]);
        Assert.Equal("true", steps[0].Details["riskFlagRaised"]);
        Assert.Equal("12", steps[2].Details["participants"]);
        Assert.Equal(Day(1, 7).AddHours(2), steps[4].Time);
        Assert.Equal("specialised-mental-health", steps[5].Details["service"]);
    }
}
