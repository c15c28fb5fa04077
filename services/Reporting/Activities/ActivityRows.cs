using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Activities;

/// <summary>The BI rows of activities (docs/reporting-bi.md): dates, codes and counts; never a topic, trainer or facilitator.</summary>
public static class ActivityRows
{
    public static void Contribute(ActivityFacts state, Contributions into)
    {
        var key = state.Id.ToString("D");
        if (state.GroupSession is { } g)
            into.Row("group_session", key, new Dictionary<string, object?>
            {
                ["group_session_id"] = g.GroupSessionId, ["held_on"] = Periods.DayOf(g.Time), ["region"] = g.Region,
                ["duration_minutes"] = g.DurationMinutes, ["participants"] = g.Participants.Count,
            });
        if (state.Training is { } t)
            into.Row("training", key, new Dictionary<string, object?>
            {
                ["training_id"] = t.TrainingId, ["delivered_on"] = Periods.DayOf(t.Time), ["course"] = t.Course, ["region"] = t.Region,
                ["start_date"] = t.StartDate, ["end_date"] = t.EndDate, ["participants"] = t.Participants.Count,
                ["completed"] = t.Participants.Count(p => p.Completed),
            });
        if (state.AwarenessEvent is { } a)
            into.Row("awareness_event", key, new Dictionary<string, object?>
            {
                ["awareness_event_id"] = a.AwarenessEventId, ["held_on"] = Periods.DayOf(a.Time), ["kind"] = a.Kind, ["region"] = a.Region,
                ["women"] = a.Women, ["men"] = a.Men, ["girls"] = a.Girls, ["boys"] = a.Boys, ["returnee_participants"] = a.ReturneeParticipants,
            });
        if (state.Workshop is { } w)
            into.Row("workshop", key, new Dictionary<string, object?>
            {
                ["workshop_id"] = w.WorkshopId, ["held_on"] = Periods.DayOf(w.Time), ["kind"] = w.Kind, ["region"] = w.Region,
                ["participants"] = w.Participants.Count,
            });
    }
}
