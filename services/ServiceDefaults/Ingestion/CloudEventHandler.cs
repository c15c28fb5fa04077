using FluentValidation;
using Marten;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// A partner event type: its data record, the rules it must meet (<see cref="Validator"/>) and the
/// pure decision it leads to given the subject's state. The pipeline does all the I/O.
/// </summary>
public abstract class CloudEventHandler<TData, TState> : ICloudEventHandler
    where TData : class
    where TState : class, IStreamState<TState>
{
    public abstract string EventType { get; }

    public Type DataType => typeof(TData);

    public Type StateType => typeof(TState);

    protected abstract IValidator<TData> Validator { get; }

    /// <summary>State in, events out: no I/O, no clock.</summary>
    public abstract Decision Decide(TState? state, CloudEventEnvelope envelope, TData data);

    public virtual IReadOnlyList<UniqueClaim> Claims(CloudEventEnvelope envelope, TData data) => [];

    /// <summary>Rules that compare the data with the envelope (a date not after <c>time</c>): field path under data, message.</summary>
    protected virtual IEnumerable<(string Field, string Message)> EnvelopeRules(CloudEventEnvelope envelope, TData data) => [];

    public (object? Data, Problem? Problem) Read(CloudEventEnvelope envelope)
    {
        var (data, problem) = DataReader.Read(envelope.Data, Validator);
        if (data is null) return (null, problem);

        var broken = EnvelopeRules(envelope, data).ToList();
        if (broken.Count == 0) return (data, null);
        var errors = broken.GroupBy(b => "data." + b.Field).ToDictionary(g => g.Key, g => g.Select(b => b.Message).ToArray());
        return (null, new Problem(ProblemKind.InvalidData, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), errors));
    }

    IReadOnlyList<UniqueClaim> ICloudEventHandler.Claims(CloudEventEnvelope envelope, object data) => Claims(envelope, (TData)data);

    public async Task<IReadOnlyDictionary<Guid, object>> LoadStatesAsync(IQuerySession session, Guid[] streamIds, CancellationToken cancellationToken)
    {
        var states = await StreamStates.FoldAsync<TState>(session, streamIds, cancellationToken);
        return states.ToDictionary(s => s.Key, s => (object)s.Value);
    }

    Decision ICloudEventHandler.Decide(object? state, CloudEventEnvelope envelope, object data) =>
        Decide((TState?)state, envelope, (TData)data);

    public object? Evolve(object? state, Guid streamId, IEnumerable<object> events) =>
        events.Aggregate((TState?)state, (current, e) => TState.Fold(current, streamId, e));
}
