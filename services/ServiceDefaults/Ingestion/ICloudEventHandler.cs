using Marten.Services.BatchQuerying;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// One partner event type of a service, as the ingestion pipeline sees it. Implement it through
/// <see cref="CloudEventHandler{TData,TState}"/>, whose decision logic is pure.
/// </summary>
public interface ICloudEventHandler
{
    string EventType { get; }

    /// <summary>The state the decision reads; one document per stream.</summary>
    Type StateType { get; }

    /// <summary>Reads and validates the data: the typed command, or a 422 problem.</summary>
    (object? Data, Problem? Problem) Read(CloudEventEnvelope envelope);

    /// <summary>Values this event claims for its subject alone (e.g. a partner reference).</summary>
    IReadOnlyList<UniqueClaim> Claims(CloudEventEnvelope envelope, object data);

    /// <summary>Adds the load of these streams' states to a batched query; the task completes once it has run.</summary>
    Task<IReadOnlyDictionary<Guid, object>> LoadStatesAsync(IBatchedQuery query, Guid[] streamIds);

    Decision Decide(object? state, CloudEventEnvelope envelope, object data);

    object? Evolve(object? state, Guid streamId, IEnumerable<object> events);
}
