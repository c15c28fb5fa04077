using System.Text.Json;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.UnitTests.Support;

/// <summary>Past events of a stream other than the subject's (a learned-facts stream, a participant's).</summary>
public sealed record PastEvents(Guid Stream, object[] Events);

/// <summary>
/// Given the events already stored, when a partner event arrives, then these events are
/// appended, or it is rejected. The partner event goes through the handler's <c>Prepare</c>
/// (parse, validate, command) and its <c>Decide</c> over the streams it reads, exactly the pure
/// part the ingestion pipeline runs. Past events go to the subject's stream unless given
/// <see cref="In"/> another.
/// </summary>
public static class HandlerSpecification
{
    public static Given<TData, TCommand> Given<TData, TCommand>(this CloudEventHandler<TData, TCommand> handler, params object[] pastEvents)
        where TData : class =>
        new(handler, pastEvents);

    public static PastEvents In(Guid stream, params object[] events) => new(stream, events);

    /// <summary>What the service learned of a returnee from other services.</summary>
    public static PastEvents Learned(Guid returnee, params object[] events) => new(LearnedStreams.For(returnee), events);
}

public sealed class Given<TData, TCommand>(CloudEventHandler<TData, TCommand> handler, object[] pastEvents) where TData : class
{
    private bool erased;

    /// <summary>The subject's data was erased (their key is a tombstone).</summary>
    public Given<TData, TCommand> AndErased()
    {
        erased = true;
        return this;
    }

    public Outcome When(CloudEventEnvelope envelope)
    {
        var prepared = handler.Prepare(envelope);
        if (prepared.Problem is not null) return new Outcome(null, prepared.Problem);
        Assert.NotNull(prepared.Pending);

        var streams = new Dictionary<Guid, List<object>>();
        foreach (var past in pastEvents)
        {
            var (stream, events) = past is PastEvents other ? (other.Stream, other.Events) : (envelope.Subject, [past]);
            if (!streams.TryGetValue(stream, out var list)) streams[stream] = list = [];
            list.AddRange(events);
        }

        var stored = streams.ToDictionary(s => s.Key, s => new StoredStream(s.Value.Count, s.Value));
        var keys = TestKeys.Ring([envelope.Subject], erased ? [envelope.Subject] : []);
        return prepared.Pending.Decide(new StreamSet(stored, keys: keys)) switch
        {
            Decision.Accept accept => new Outcome(accept.Appends.Select(a => a.Event).ToList(), null),
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
