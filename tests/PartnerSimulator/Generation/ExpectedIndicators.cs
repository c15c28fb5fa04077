namespace Reintegration.PartnerSimulator.Generation;

/// <summary>The catalogue's indicator codes the simulator's events feed.</summary>
public static class IndicatorCodes
{
    public const string ReturneesRegistered = "returnees-registered";
    public const string ReturneesReached = "returnees-reached";
    public const string CounsellingSessions = "counselling-sessions";
    public const string AwarenessEvents = "awareness-events";
    public const string PeopleReached = "people-reached";

    /// <summary>The five headline indicators, in the order the console prints them.</summary>
    public static IReadOnlyList<string> Headline { get; } =
        [ReturneesRegistered, ReturneesReached, CounsellingSessions, AwarenessEvents, PeopleReached];
}

/// <summary>
/// The headline values Reporting should show once everything posted is processed, computed from
/// the facts with the catalogue's definitions (no date or region filter, empty services before).
/// Breakdowns are left to the tests: the facts carry every dimension.
/// </summary>
public static class ExpectedIndicators
{
    public static IReadOnlyDictionary<string, long> Headline(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return new Dictionary<string, long>
        {
            [IndicatorCodes.ReturneesRegistered] = programme.Returnees.Count,
            // Reached = at least one psychosocial service; here the only one generated is a session
            // (awareness events are community work and do not count).
            [IndicatorCodes.ReturneesReached] = programme.Sessions.Select(s => s.ReturneeId).Distinct().Count(),
            [IndicatorCodes.CounsellingSessions] = programme.Sessions.Count,
            [IndicatorCodes.AwarenessEvents] = programme.AwarenessEvents.Count,
            [IndicatorCodes.PeopleReached] = programme.AwarenessEvents.Sum(a => (long)a.PeopleReached),
        };
    }
}
