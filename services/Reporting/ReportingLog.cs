using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Journeys;

namespace Reintegration.Reporting;

/// <summary>
/// Every event type of Reporting's own log, registered with the store at start-up: the read
/// models read events of every type, and a process that has not appended one yet must still be
/// able to read it (a rebuild, a replica that only queries).
/// </summary>
public static class ReportingLog
{
    public static IEnumerable<Type> EventTypes =>
    [
        .. ReturneeJourney.EventTypes, typeof(GroupSessionReported), typeof(AwarenessEventReported),
        typeof(TrainingReported), typeof(WorkerCertificationReported), typeof(WorkshopReported),
    ];
}
