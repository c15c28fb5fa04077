using JasperFx.Events;
using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Journeys;

namespace Reintegration.Reporting.Returnees;

/// <summary>
/// The returnee read model: one state per returnee from their journey stream, contributing the
/// indicators about returnees and the BI rows of returnees, sessions, assessments, referrals and
/// closures. Every figure here waits for the returnee's registration: a returnee's sex, age group
/// and region, and the region of their sessions, assessments, flags, referrals and closures, come from it.
/// </summary>
public sealed class ReturneeReadModel : ReadModel<ReturneeFacts>
{
    private static readonly HashSet<Type> JourneyEvents = [.. ReturneeJourney.EventTypes];

    public override string Name => "returnee_facts";

    public override IReadOnlyList<IIndicatorSlice<ReturneeFacts>> Indicators { get; } =
    [
        new ReturneesRegistered(), new ReturneesReached(), new CounsellingSessions(), new Assessments(), new WellbeingImproved(),
        new RiskFlags(), new Referrals(), new CasesClosed(),
    ];

    public override IEnumerable<Guid> SubjectsOf(IEvent e) => JourneyEvents.Contains(e.EventType) ? [e.StreamId] : [];

    public override bool SubjectsAreStreams => true;

    public override IReadOnlyCollection<Type> EventTypes => JourneyEvents;

    public override ReturneeFacts Evolve(ReturneeFacts? state, Guid subject, IEvent e)
    {
        var facts = state ?? new ReturneeFacts { Id = subject, Journey = new ReturneeJourney { Id = subject } };
        facts.Journey = ReturneeJourney.Fold(facts.Journey, subject, e.Data);
        return facts;
    }

    protected override void ContributeRows(ReturneeFacts state, Contributions into) => ReturneeRows.Contribute(state, into);
}
