using FluentValidation;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>
/// A partner event type: the <typeparamref name="TData"/> record its <c>data</c> is read into,
/// the rules it must meet (<see cref="Validator"/>), the typed <typeparamref name="TCommand"/> a
/// valid one becomes (no missing fields: the one place that trusts the validation), and the
/// pure decision on it. The pipeline does all the I/O.
/// </summary>
public abstract class CloudEventHandler<TData, TCommand> : ICloudEventHandler
    where TData : class
{
    public abstract string EventType { get; }

    public Type DataType => typeof(TData);

    protected abstract IValidator<TData> Validator { get; }

    /// <summary>The validated data and its envelope as the command the decision takes.</summary>
    protected abstract TCommand ToCommand(CloudEventEnvelope envelope, TData data);

    /// <summary>Rules that compare the data with the envelope (a date not after <c>time</c>): field path under data, message.</summary>
    protected virtual IEnumerable<(string Field, string Message)> EnvelopeRules(CloudEventEnvelope envelope, TData data) => [];

    /// <summary>The streams the decision reads: the subject's unless the type names others.</summary>
    protected virtual IReadOnlyList<Guid> Reads(CloudEventEnvelope envelope, TCommand command) => [envelope.Subject];

    protected virtual IReadOnlyList<UniqueClaim> Claims(CloudEventEnvelope envelope, TCommand command) => [];

    /// <summary>State in, events out: no I/O, no clock.</summary>
    public abstract Decision Decide(IStreamStates states, CloudEventEnvelope envelope, TCommand command);

    public Prepared Prepare(CloudEventEnvelope envelope)
    {
        var (data, problem) = DataReader.Read(envelope.Data, Validator);
        if (data is null) return new Prepared(null, problem);

        var broken = EnvelopeRules(envelope, data).ToList();
        if (broken.Count > 0)
        {
            var errors = broken.GroupBy(b => "data." + b.Field).ToDictionary(g => g.Key, g => g.Select(b => b.Message).ToArray());
            return new Prepared(null, new Problem(ProblemKind.InvalidData,
                string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), errors));
        }

        var command = ToCommand(envelope, data);
        return new Prepared(new Pending(this, envelope, command), null);
    }

    private sealed class Pending(CloudEventHandler<TData, TCommand> handler, CloudEventEnvelope envelope, TCommand command) : IPendingEvent
    {
        public CloudEventEnvelope Envelope => envelope;
        public TCommand Command => command;
        public IReadOnlyList<Guid> Reads { get; } = handler.Reads(envelope, command);
        public IReadOnlyList<UniqueClaim> Claims { get; } = handler.Claims(envelope, command);
        public Decision Decide(IStreamStates states) => handler.Decide(states, envelope, command);
    }

    /// <summary>The command a prepared event carries (for tests of <see cref="ToCommand"/>).</summary>
    public static TCommand CommandOf(IPendingEvent pending) => ((Pending)pending).Command;
}
