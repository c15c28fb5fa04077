using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Reintegration.ServiceDefaults.Problems;

/// <summary>An RFC 9457 problem: kind, what a person can act on, and field errors where any.</summary>
public sealed record Problem(ProblemKind Kind, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public ProblemDetails ToProblemDetails()
    {
        var details = Errors is { Count: > 0 }
            ? new HttpValidationProblemDetails(Errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        details.Type = Kind.Type;
        details.Title = Kind.Title;
        details.Status = Kind.Status;
        details.Detail = Detail;
        return details;
    }

    public IResult ToResult() => Results.Problem(ToProblemDetails());

    /// <summary>The 400 for query parameters out of range, every one named; null when there are none.</summary>
    public static Problem? Query(IReadOnlyDictionary<string, string[]> invalid) => invalid.Count == 0
        ? null
        : new Problem(ProblemKind.InvalidQuery, string.Join("; ", invalid.Select(e => $"{e.Key}: {e.Value[0]}")), invalid);

    public static Problem Field(ProblemKind kind, string field, string message) =>
        new(kind, $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });
}
