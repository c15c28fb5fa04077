using System.Security.Claims;

namespace Reintegration.ServiceDefaults.Access;

/// <summary>Who a validated token says is calling: the subject, its scopes and the partner sources it speaks for.</summary>
public sealed record Caller(string Subject, IReadOnlySet<string> Scopes, IReadOnlySet<string> Sources)
{
    public const string SubjectClaim = "sub";
    public const string SourcesClaim = "sources";

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(SubjectClaim) ?? "",
        ScopesOf(user),
        user.FindAll(SourcesClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));

    public bool Has(string scope) => Scopes.Contains(scope);

    public bool SpeaksFor(string source) => Sources.Contains(source);

    /// <summary><c>scope</c> (OAuth, space-separated) or <c>scp</c> (Entra ID), as one claim or several.</summary>
    public static IReadOnlySet<string> ScopesOf(ClaimsPrincipal user) => user.Claims
        .Where(c => c.Type is "scope" or "scp")
        .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToHashSet(StringComparer.Ordinal);
}
