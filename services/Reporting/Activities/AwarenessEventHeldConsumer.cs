using Marten;
using Reintegration.Contracts;
using Reintegration.Reporting.Journeys;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Reporting.Activities;

/// <summary>Records each event on its own stream and on the journey of each returnee who took part.</summary>
public sealed class AwarenessEventHeldConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : ReportingLogConsumer<AwarenessEventHeld>(session, gate, clock)
{
    protected override void Report(AwarenessEventHeld m, LogAppends log)
    {
        log.Add(m.AwarenessEventId, new AwarenessEventReported(
            m.AwarenessEventId, m.HeldAt, m.Kind, m.Region, m.Women, m.Men, m.Girls, m.Boys, m.ReturneeParticipants.Count));
        foreach (var returnee in m.ReturneeParticipants)
            log.Add(returnee, new AwarenessEventAttended(returnee, m.AwarenessEventId, m.HeldAt, m.Kind, m.Region));
    }
}
