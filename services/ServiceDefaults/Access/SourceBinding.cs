using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.ServiceDefaults.Access;

/// <summary>Which partner source a desk request acts for: one of the caller's own.</summary>
public static class SourceBinding
{
    /// <summary>
    /// The <c>source</c> query parameter when given (it must be one of the token's sources), else
    /// the token's only source; a token with several must say which.
    /// </summary>
    public static (string? Source, Problem? Problem) Resolve(Caller caller, string? requested)
    {
        if (requested is not null)
            return caller.SpeaksFor(requested)
                ? (requested, null)
                : (null, Problem.Field(ProblemKind.ForbiddenSource, "source", $"this access token does not speak for '{requested}'"));
        return caller.Sources.Count switch
        {
            1 => (caller.Sources.Single(), null),
            0 => (null, Problem.Field(ProblemKind.ForbiddenSource, "source", "this access token speaks for no source; a desk write is made for a partner source")),
            _ => (null, Problem.Field(ProblemKind.InvalidQuery, "source", $"this access token speaks for several sources; name one with ?source= ({string.Join(", ", caller.Sources.Order())})")),
        };
    }
}
