using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Journeys;

namespace Reintegration.Reporting.Indicators;

/// <summary>
/// The catalogue's indicators from Reporting's read models. Pure: journeys and activities in,
/// figures out. A returnee's sex, age group and region come from their registration; anything
/// about a returnee whose registration has not arrived is left out until it does.
/// </summary>
public static class IndicatorCalculator
{
    public const string ReturneesReachedTarget = "returnees-reached";

    public static IReadOnlyList<IndicatorFigures> Calculate(
        IReadOnlyCollection<ReturneeJourney> journeys,
        IReadOnlyCollection<AwarenessEventFact> awarenessEvents,
        IndicatorFilter filter,
        IReadOnlyDictionary<string, decimal> targets)
    {
        var known = journeys.Where(j => j.Registration is { } r && filter.Includes(r.Region)).ToList();
        var registered = known.Where(j => filter.Includes(j.Registration!.Time)).Select(j => j.Registration!).ToList();
        var reached = known.Where(j => PsychosocialServiceTimes(j).Any(filter.Includes)).Select(j => j.Registration!).ToList();
        var sessions = known
            .SelectMany(j => j.Sessions.Where(s => filter.Includes(s.Time)).Select(s => (Session: s, j.Registration!.Region)))
            .ToList();
        var events = awarenessEvents.Where(e => filter.Includes(e.Region) && filter.Includes(e.Time)).ToList();

        return
        [
            new("returnees-registered", FigureKind.Count, Figure.Count(registered.Count), Breakdown.Count(registered,
                ("sex", r => r.Sex), ("ageGroup", r => r.AgeGroup), ("region", r => r.Region), ("returnedFrom", r => r.ReturnedFrom))),
            new(ReturneesReachedTarget, FigureKind.Count, Figure.Count(reached.Count), Breakdown.Count(reached,
                ("sex", r => r.Sex), ("ageGroup", r => r.AgeGroup), ("region", r => r.Region)))
            {
                Target = targets.TryGetValue(ReturneesReachedTarget, out var target) ? target : null,
            },
            new("counselling-sessions", FigureKind.Count, Figure.Count(sessions.Count), Breakdown.Count(sessions,
                ("intervention", s => s.Session.Intervention), ("modality", s => s.Session.Modality), ("region", s => s.Region))),
            new("awareness-events", FigureKind.Count, Figure.Count(events.Count), Breakdown.Count(events, ("kind", e => e.Kind), ("region", e => e.Region))),
            new("people-reached", FigureKind.Sum, new Figure(events.Sum(e => e.PeopleReached)), PeopleReachedBreakdown(events)),
        ];
    }

    /// <summary>Counselling sessions for now; group sessions and workshops join when Reporting learns of them.</summary>
    private static IEnumerable<DateTimeOffset> PsychosocialServiceTimes(ReturneeJourney journey) =>
        journey.Sessions.Select(s => s.Time);

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Figure>> PeopleReachedBreakdown(IReadOnlyCollection<AwarenessEventFact> events)
    {
        var byGroup = new Dictionary<string, decimal>
        {
            ["women"] = events.Sum(e => e.Women),
            ["men"] = events.Sum(e => e.Men),
            ["girls"] = events.Sum(e => e.Girls),
            ["boys"] = events.Sum(e => e.Boys),
        };
        var breakdown = Breakdown.Sum(events, e => e.PeopleReached, ("region", e => e.Region)).ToDictionary();
        breakdown["group"] = byGroup.Where(g => g.Value > 0).ToDictionary(g => g.Key, g => new Figure(g.Value));
        return breakdown;
    }
}
