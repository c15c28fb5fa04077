using JasperFx.Events;
using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Journeys;

namespace Reintegration.Reporting.Activities;

/// <summary>
/// The activity read model: group sessions, trainings, awareness events and workshops, each on
/// its own stream and counted in its own region, whoever took part (their participants'
/// registrations matter only to the returnee read model).
/// </summary>
public sealed class ActivityReadModel : ReadModel<ActivityFacts>
{
    private static readonly HashSet<Type> ActivityEvents =
        [typeof(GroupSessionReported), typeof(TrainingReported), typeof(AwarenessEventReported), typeof(WorkshopReported)];

    public override string Name => "activity_facts";

    public override IReadOnlyList<IIndicatorSlice<ActivityFacts>> Indicators { get; } =
        [new GroupSessions(), new AwarenessEvents(), new PeopleReached(), new Workshops()];

    public override IEnumerable<Guid> SubjectsOf(IEvent e) => ActivityEvents.Contains(e.EventType) ? [e.StreamId] : [];

    public override bool SubjectsAreStreams => true;

    public override IReadOnlyCollection<Type> EventTypes => ActivityEvents;

    public override ActivityFacts Evolve(ActivityFacts? state, Guid subject, IEvent e) => ActivityFacts.Fold(state, subject, e.Data);

    protected override void ContributeRows(ActivityFacts state, Contributions into) => ActivityRows.Contribute(state, into);
}
