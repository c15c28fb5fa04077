using MassTransit;
using Reintegration.Contracts;

namespace Reintegration.Reporting.Journeys;

/// <summary>
/// Messages about the same returnee are handled one at a time, others in parallel. Without it a
/// registration and a session of one returnee often reach the same journey stream at the same
/// moment, one commit fails on the stream version and is retried: correct, but wasted work and
/// an error in Marten's log each time.
/// </summary>
public static class JourneyPartitioning
{
    public static void Apply(IReceiveEndpointConfigurator endpoint)
    {
        var partitioner = endpoint.CreatePartitioner(16);
        endpoint.UsePartitioner<ReturneeRegistered>(partitioner, c => c.Message.ReturneeId);
        endpoint.UsePartitioner<CounsellingSessionHeld>(partitioner, c => c.Message.ReturneeId);
        endpoint.UsePartitioner<AwarenessEventHeld>(partitioner, c => c.Message.AwarenessEventId);
    }
}
