using System.Security.Claims;
using Reintegration.ServiceDefaults.Access;
using Reintegration.ServiceDefaults.Problems;

namespace Reintegration.Reporting.Disclosure;

/// <summary>The <c>disclosure</c> query parameter: <c>public</c> (the default) or <c>detail</c>.</summary>
public enum DisclosureMode
{
    Public,
    Detail,
}

public static class DisclosureRequest
{
    public const string Parameter = "disclosure";

    /// <summary>The mode asked for; public when absent. A value that is neither is added to <paramref name="invalid"/> (a 400).</summary>
    public static DisclosureMode Read(string? value, IDictionary<string, string[]> invalid)
    {
        switch (value)
        {
            case null or "public":
                return DisclosureMode.Public;
            case "detail":
                return DisclosureMode.Detail;
            default:
                invalid[Parameter] = ["must be public or detail"];
                return DisclosureMode.Public;
        }
    }

    /// <summary>
    /// The 403 for a caller who asked for every cell without <c>reports:detail</c>: answered, not
    /// quietly downgraded to public, so that nobody publishes figures believing them complete.
    /// </summary>
    public static Problem? RefusalFor(DisclosureMode mode, ClaimsPrincipal user) =>
        mode == DisclosureMode.Detail && !Caller.ScopesOf(user).Contains(Scopes.ReportsDetail)
            ? new Problem(ProblemKind.InsufficientScope, $"disclosure=detail needs an access token with scope '{Scopes.ReportsDetail}'; without it, ask for disclosure=public.")
            : null;
}
