using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Ingestion;

/// <summary>An event a decision appends, and to which stream (null: the envelope's subject).</summary>
public sealed record Append(object Event, Guid? Stream = null);

/// <summary>What the decision logic says of one event: the events to append, or why not.</summary>
public abstract record Decision
{
    private Decision() { }

    /// <summary>Accepted. No events means the fact is already known (the same registration sent under a new id).</summary>
    public sealed record Accept(IReadOnlyList<Append> Appends) : Decision;

    public sealed record Reject(Problem Problem) : Decision;

    /// <summary>Appends to the subject's stream.</summary>
    public static Decision Append(params object[] events) => new Accept(events.Select(e => new Append(e)).ToList());

    /// <summary>Appends to the streams named (a group session to its own stream and each participant's, say).</summary>
    public static Decision AppendTo(params Append[] appends) => new Accept(appends);

    public static readonly Decision AlreadyKnown = new Accept([]);
    public static Decision Conflict(string detail) => new Reject(new Problem(ProblemKind.Contradiction, detail));
    public static Decision Forbidden(string detail) => new Reject(new Problem(ProblemKind.StateForbids, detail));
}
