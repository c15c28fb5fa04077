using System.Text.Json;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.UnitTests.Support;

/// <summary>
/// Given the events already in a stream, when a partner event arrives, then these events are
/// appended, or it is rejected. Past events are folded with the state's own <c>Fold</c>; the
/// partner event goes through the handler's <c>Read</c> (parse and validate) and then <c>Decide</c>,
/// exactly the pure part the ingestion pipeline runs.
/// </summary>
public static class HandlerSpecification
{
    public static Given<TData, TState> Given<TData, TState>(this CloudEventHandler<TData, TState> handler, params object[] pastEvents)
        where TData : class
        where TState : class, IStreamState<TState> =>
        new(handler, pastEvents);
}

public sealed class Given<TData, TState>(CloudEventHandler<TData, TState> handler, object[] pastEvents)
    where TData : class
    where TState : class, IStreamState<TState>
{
    public Outcome When(CloudEventEnvelope envelope)
    {
        var state = pastEvents.Aggregate((TState?)null, (current, e) => TState.Fold(current, envelope.Subject, e));
        var (data, problem) = handler.Read(envelope);
        if (problem is not null) return new Outcome(null, problem);
        Assert.NotNull(data);
        return handler.Decide(state, envelope, (TData)data) switch
        {
            Decision.Accept accept => new Outcome(accept.Events, null),
            Decision.Reject reject => new Outcome(null, reject.Problem),
            var other => throw new InvalidOperationException($"unknown decision {other}"),
        };
    }
}

public sealed class Outcome(IReadOnlyList<object>? events, Problem? problem)
{
    /// <summary>Accepted with exactly these events, compared by type and by their JSON (records holding lists have no value equality).</summary>
    public void Then(params object[] expected)
    {
        if (problem is not null) Assert.Fail($"expected acceptance, was rejected: {problem.Kind.Slug} {problem.Detail}");
        Assert.Equal(expected.Select(Describe), events!.Select(Describe));
    }

    /// <summary>Accepted, and nothing new to append: the fact is already known.</summary>
    public void ThenNothingNew() => Then();

    public Problem ThenRejected(ProblemKind kind)
    {
        if (problem is null) Assert.Fail($"expected {kind.Slug}, was accepted with {events!.Count} event(s)");
        Assert.Equal(kind, problem.Kind);
        return problem;
    }

    private static string Describe(object e) => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType(), JsonDefaults.Web)}";
}
