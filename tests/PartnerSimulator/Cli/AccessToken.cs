using System.Security.Cryptography;
using System.Text.Json;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.Tokens;

namespace Reintegration.PartnerSimulator.Cli;

/// <summary>
/// The bearer token the console sends: <c>--token</c>, else <c>PARTNER_TOKEN</c>, else one it
/// mints itself with the development key <c>build/run.sh</c> keeps in <c>.run/</c> (trusted only
/// by services running in Development). The library never needs one: its callers own the
/// HttpClients and whatever headers they carry.
/// </summary>
internal static class AccessToken
{
    public const string EnvironmentVariable = "PARTNER_TOKEN";
    public const string Subject = "partner-simulator";

    /// <summary>The catalogue's scopes a partner system needs: post events, read the indicators it polls.</summary>
    public static readonly IReadOnlyList<string> Scopes = ["events:write", "reports:read"];

    /// <summary>Long enough for any run of the console, short enough not to outlive the day.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private const string KeyFile = "dev-signing-key.pem";
    private const string SolutionFile = "Reintegration.slnx";

    /// <returns>The token and where it came from, for the console.</returns>
    /// <exception cref="FormatException">No token given and no development key to mint one.</exception>
    public static (string Token, string Origin) Resolve(CommandLine options)
    {
        if (options.Token is { } given) return (given, "--token");
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            return (fromEnvironment.Trim(), EnvironmentVariable);

        var runDirectory = options.RunDirectory ?? FindRunDirectory(Directory.GetCurrentDirectory());
        if (runDirectory is null || !File.Exists(Path.Combine(runDirectory, KeyFile)))
        {
            var where = runDirectory is null
                ? $"no .run folder next to {SolutionFile} above {Directory.GetCurrentDirectory()}"
                : $"no {KeyFile} in {Path.GetFullPath(runDirectory)}";
            throw new FormatException(
                $"No access token: pass --token (or set {EnvironmentVariable}), or run build/run.sh first so the development key exists ({where}).");
        }

        try
        {
            var issuer = TokenIssuer.FromRunDirectory(runDirectory);
            var token = issuer.Mint(new TokenRequest(Scopes, PartnerSources.Posting, Subject) { Lifetime = Lifetime });
            return (token, $"minted with the development key in {Path.GetFullPath(runDirectory)} (kid {issuer.KeyId}, valid {Lifetime.TotalHours:0} h)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException
                                      or InvalidOperationException or IndexOutOfRangeException or ArgumentException or CryptographicException)
        {
            throw new FormatException(
                $"The development key in {Path.GetFullPath(runDirectory)} could not be used ({e.Message}): pass --token, or run build/run.sh again to regenerate it.");
        }
    }

    /// <summary>The <c>.run</c> folder beside the first <c>Reintegration.slnx</c> found walking up from <paramref name="start"/>.</summary>
    public static string? FindRunDirectory(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return Path.Combine(directory.FullName, ".run");
        }

        return null;
    }
}
