using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Reintegration.Reporting.Activities;

/// <summary>One awareness event as the indicators count it.</summary>
public sealed record AwarenessEventFact(Guid Id, DateTimeOffset Time, string Kind, string Region, int Women, int Men, int Girls, int Boys)
{
    public int PeopleReached => Women + Men + Girls + Boys;
}

public sealed class AwarenessEventFactProjection : SingleStreamProjection<AwarenessEventFact, Guid>
{
    public AwarenessEventFactProjection() => IncludeType<AwarenessEventReported>();

    public override AwarenessEventFact? Evolve(AwarenessEventFact? snapshot, Guid id, IEvent e) => e.Data switch
    {
        // Training accepts an event once; the first report stands.
        AwarenessEventReported r when snapshot is null => new AwarenessEventFact(id, r.Time, r.Kind, r.Region, r.Women, r.Men, r.Girls, r.Boys),
        _ => snapshot,
    };
}
