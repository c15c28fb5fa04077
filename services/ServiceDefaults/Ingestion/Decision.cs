using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>What the decision logic says of one event: the events to append, or why not.</summary>
public abstract record Decision
{
    private Decision() { }

    /// <summary>Accepted. No events means the fact is already known (the same registration sent under a new id).</summary>
    public sealed record Accept(IReadOnlyList<object> Events) : Decision;

    public sealed record Reject(Problem Problem) : Decision;

    public static Decision Append(params object[] events) => new Accept(events);
    public static readonly Decision AlreadyKnown = new Accept([]);
    public static Decision Conflict(string detail) => new Reject(new Problem(ProblemKind.Contradiction, detail));
    public static Decision Forbidden(string detail) => new Reject(new Problem(ProblemKind.StateForbids, detail));
}
