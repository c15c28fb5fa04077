using Marten;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// One partner event type of a service, as the ingestion pipeline sees it. Implement it through
/// <see cref="CloudEventHandler{TData,TState}"/>, whose decision logic is pure.
/// </summary>
public interface ICloudEventHandler
{
    string EventType { get; }

    /// <summary>The record the event's <c>data</c> is read into: the OpenAPI document describes <c>data</c> with it.</summary>
    Type DataType { get; }

    /// <summary>The state the decision reads; one document per stream.</summary>
    Type StateType { get; }

    /// <summary>Reads and validates the data: the typed command, or a 422 problem.</summary>
    (object? Data, Problem? Problem) Read(CloudEventEnvelope envelope);

    /// <summary>Values this event claims for its subject alone (e.g. a partner reference).</summary>
    IReadOnlyList<UniqueClaim> Claims(CloudEventEnvelope envelope, object data);

    /// <summary>These streams' current states (streams with no events are left out).</summary>
    Task<IReadOnlyDictionary<Guid, object>> LoadStatesAsync(IQuerySession session, Guid[] streamIds, CancellationToken cancellationToken);

    Decision Decide(object? state, CloudEventEnvelope envelope, object data);

    object? Evolve(object? state, Guid streamId, IEnumerable<object> events);
}
