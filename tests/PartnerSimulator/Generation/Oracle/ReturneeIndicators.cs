namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// <c>returnees-registered</c> and <c>returnees-reached</c>: distinct returnees, disaggregated by
/// what their registration says (and, for reached, their latest screening).
/// </summary>
internal static class ReturneeIndicators
{
    /// <summary>The catalogue's configurable target of <c>returnees-reached</c>, at its default.</summary>
    public const int ReachedTarget = 5000;

    public static ExpectedIndicator Registered(Known known, IndicatorQuery query) =>
        Tally.Distinct(IndicatorCodes.ReturneesRegistered,
            known.Facts.Returnees.Where(r => query.InWindow(r.RegisteredAt) && query.InRegion(r.Region)),
            r => r.Id,
            Dimension<ReturneeFact>.One("sex", r => r.Sex),
            Dimension<ReturneeFact>.One("ageGroup", r => r.AgeGroup),
            Dimension<ReturneeFact>.One("region", r => r.Region),
            Dimension<ReturneeFact>.One("returnedFrom", r => r.ReturnedFrom));

    /// <summary>
    /// Returnees who received a psychosocial service in the window: an individual or family
    /// session, a group session or a workshop (awareness events are community work, not a
    /// service to the person). The region is the returnee's, from the registration, for the
    /// filter as for the breakdown; a returnee counts under every vulnerability of their latest screening.
    /// </summary>
    public static ExpectedIndicator Reached(Known known, IndicatorQuery query)
    {
        var f = known.Facts;
        var contacts = f.Sessions.Select(s => (Returnee: s.ReturneeId, s.Time))
            .Concat(f.GroupSessions.SelectMany(g => g.Participants.Select(p => (Returnee: p, g.Time))))
            .Concat(f.Workshops.SelectMany(w => w.Participants.Select(p => (Returnee: p, w.Time))));
        var reached = contacts
            .Where(c => query.InWindow(c.Time))
            .Select(c => known.Registered(c.Returnee))
            .OfType<ReturneeFact>()
            .Where(r => query.InRegion(r.Region))
            .DistinctBy(r => r.Id);

        return Tally.Distinct(IndicatorCodes.ReturneesReached, reached, r => r.Id,
            Dimension<ReturneeFact>.One("sex", r => r.Sex),
            Dimension<ReturneeFact>.One("ageGroup", r => r.AgeGroup),
            Dimension<ReturneeFact>.One("region", r => r.Region),
            new Dimension<ReturneeFact>("vulnerability", r => known.LatestScreening(r.Id)?.Vulnerabilities ?? [])) with { Target = ReachedTarget };
    }
}
