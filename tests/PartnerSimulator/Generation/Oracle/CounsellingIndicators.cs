using Reintegration.PartnerSimulator.CloudEvents;

namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// Counselling's indicators. All but <c>group-sessions</c> are about one returnee each: they
/// count once the returnee's registration is known, in the returnee's region.
/// </summary>
internal static class CounsellingIndicators
{
    /// <summary>WHO-5 points (raw × 4) by which the latest score must beat the first.</summary>
    public const int WellbeingImprovement = 10;

    public static ExpectedIndicator Sessions(Known known, IndicatorQuery query) =>
        Tally.Count(IndicatorCodes.CounsellingSessions,
            known.Facts.Sessions.Where(s => query.InWindow(s.Time) && known.InRegion(s.ReturneeId, query)),
            Dimension<SessionFact>.One("intervention", s => s.Intervention),
            Dimension<SessionFact>.One("modality", s => s.Modality),
            Dimension<SessionFact>.One("region", s => known.Registered(s.ReturneeId)!.Region));

    /// <summary>Group sessions in their own region, whoever took part.</summary>
    public static ExpectedIndicator GroupSessions(Known known, IndicatorQuery query) =>
        Tally.Count(IndicatorCodes.GroupSessions,
            known.Facts.GroupSessions.Where(g => query.InWindow(g.Time) && query.InRegion(g.Region)),
            Dimension<GroupSessionFact>.One("region", g => g.Region));

    public static ExpectedIndicator Assessments(Known known, IndicatorQuery query) =>
        Tally.Count(IndicatorCodes.Assessments, InScope(known, query),
            Dimension<AssessmentFact>.One("instrument", a => a.Instrument));

    /// <summary>
    /// Of the returnees with two or more WHO-5 assessments in the window, the share whose latest
    /// (by time; of two at the same second, the later in the programme) scores at least 10 points
    /// above their first.
    /// </summary>
    public static ExpectedIndicator WellbeingImproved(Known known, IndicatorQuery query)
    {
        var assessed = InScope(known, query)
            .Where(a => a.Instrument == Codes.Instrument.Who5)
            .Select((a, order) => (Assessment: a, Order: order))
            .GroupBy(x => x.Assessment.ReturneeId)
            .Where(g => g.Count() >= 2)
            .Select(g =>
            {
                var inTime = g.OrderBy(x => x.Assessment.Time).ThenBy(x => x.Order).Select(x => x.Assessment).ToList();
                return (Returnee: known.Registered(g.Key)!, Improved: inTime[^1].Score - inTime[0].Score >= WellbeingImprovement);
            });

        return Tally.Share(IndicatorCodes.WellbeingImproved, assessed, x => x.Improved,
            Dimension<(ReturneeFact Returnee, bool Improved)>.One("sex", x => x.Returnee.Sex),
            Dimension<(ReturneeFact Returnee, bool Improved)>.One("region", x => x.Returnee.Region));
    }

    public static ExpectedIndicator RiskFlags(Known known, IndicatorQuery query) =>
        Tally.Count(IndicatorCodes.RiskFlags, InScope(known, query).Where(a => a.RaisesRiskFlag),
            Dimension<AssessmentFact>.One("region", a => known.Registered(a.ReturneeId)!.Region));

    /// <summary>Referrals made in the window, by the outcome they have now (<c>open</c> while not closed), whenever it came.</summary>
    public static ExpectedIndicator Referrals(Known known, IndicatorQuery query) =>
        Tally.Count(IndicatorCodes.Referrals,
            known.Facts.Referrals.Where(r => query.InWindow(r.Time) && known.InRegion(r.ReturneeId, query)),
            Dimension<ReferralFact>.One("service", r => r.Service),
            Dimension<ReferralFact>.One("urgency", r => r.Urgency),
            Dimension<ReferralFact>.One("outcome", r => known.Outcome(r) ?? Codes.ReferralOutcome.Open));

    private static IEnumerable<AssessmentFact> InScope(Known known, IndicatorQuery query) =>
        known.Facts.Assessments.Where(a => query.InWindow(a.Time) && known.InRegion(a.ReturneeId, query));
}
