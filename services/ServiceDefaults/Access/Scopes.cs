namespace Reintegration.ServiceDefaults.Access;

/// <summary>
/// The scopes of the catalogue's Access section, exactly as partners and identity providers
/// spell them. An access token carries them in <c>scope</c> (space-separated, RFC 8693) or
/// <c>scp</c> (Entra ID).
/// </summary>
public static class Scopes
{
    public const string EventsWrite = "events:write";
    public const string ReturneesWrite = "returnees:write";
    public const string ReturneesRead = "returnees:read";
    public const string JourneysRead = "journeys:read";
    public const string ReportsRead = "reports:read";
    public const string ReportsDetail = "reports:detail";
    public const string ReportsExport = "reports:export";
    public const string Operations = "operations";

    public static readonly IReadOnlyList<string> All =
        [EventsWrite, ReturneesWrite, ReturneesRead, JourneysRead, ReportsRead, ReportsDetail, ReportsExport, Operations];

    /// <summary>The authorization policy that requires <paramref name="scope"/>.</summary>
    public static string PolicyFor(string scope) => "scope:" + scope;
}
