using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Journeys;

namespace Reintegration.Reporting.Activities;

/// <summary>
/// What the activity read model keeps of one activity stream: the group session, training,
/// awareness event or workshop it reports, the first report standing (Counselling and Training
/// accept each once).
/// </summary>
public sealed class ActivityFacts : IFactState
{
    public Guid Id { get; set; }

    public GroupSessionReported? GroupSession { get; set; }

    public TrainingReported? Training { get; set; }

    public AwarenessEventReported? AwarenessEvent { get; set; }

    public WorkshopReported? Workshop { get; set; }

    public static ActivityFacts Fold(ActivityFacts? state, Guid activity, object @event)
    {
        var next = state ?? new ActivityFacts { Id = activity };
        switch (@event)
        {
            case GroupSessionReported g: next.GroupSession ??= g; break;
            case TrainingReported t: next.Training ??= t; break;
            case AwarenessEventReported a: next.AwarenessEvent ??= a; break;
            case WorkshopReported w: next.Workshop ??= w; break;
        }

        return next;
    }
}
