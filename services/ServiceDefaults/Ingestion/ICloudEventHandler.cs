using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// One partner event type of a service, as the ingestion pipeline sees it: it turns a valid
/// envelope into a <see cref="IPendingEvent"/> (its typed, validated command inside) or a 422
/// problem. Implement it through <see cref="CloudEventHandler{TData,TCommand}"/>.
/// </summary>
public interface ICloudEventHandler
{
    string EventType { get; }

    /// <summary>The record the type's <c>data</c> is read into (its schema in the OpenAPI document).</summary>
    Type DataType { get; }

    /// <summary>Reads and validates the data; pure.</summary>
    Prepared Prepare(CloudEventEnvelope envelope);
}

/// <summary>An envelope read by its handler: the pending event, or why the data is refused.</summary>
public readonly record struct Prepared(IPendingEvent? Pending, Problem? Problem);

/// <summary>
/// A valid partner event waiting for its decision. The command it carries is typed and has no
/// missing fields; what it reads and claims is known before the batch is loaded.
/// </summary>
public interface IPendingEvent
{
    CloudEventEnvelope Envelope { get; }

    /// <summary>
    /// The streams the decision reads (the subject's, participants', a training's …), loaded for
    /// the batch in one round trip; every stream it appends to must be among them.
    /// </summary>
    IReadOnlyList<Guid> Reads { get; }

    /// <summary>Values this event claims for one stream alone (a partner reference within its source).</summary>
    IReadOnlyList<UniqueClaim> Claims { get; }

    /// <summary>State in, events out: no I/O, no clock.</summary>
    Decision Decide(IStreamStates states);
}
