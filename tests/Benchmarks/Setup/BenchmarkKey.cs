using System.Security.Cryptography;
using System.Text.Json;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.ServiceDefaults.Access;
using Reintegration.Tokens;

namespace Reintegration.Benchmarks.Setup;

/// <summary>
/// The benchmark's own signing key: the services it starts are Production builds, which refuse the
/// development key, so <c>keys DIR</c> writes a fresh one (private PEM, public JWKS) before they
/// start, they trust the JWKS through <c>Auth__SigningKeysFile</c>, and <c>run --keys DIR</c>
/// mints the run's token with the PEM.
/// </summary>
public static class BenchmarkKey
{
    public const string Issuer = "urn:reintegration:benchmark";
    public const string Audience = TokenIssuer.DefaultAudience;
    public const string Subject = "benchmark";
    public const string KeyFile = "bench-signing-key.pem";
    public const string JwksFile = "bench-jwks.json";

    /// <summary>What the benchmark's clients do: post partner events, read the indicators (exact: in detail mode).</summary>
    public static readonly IReadOnlyList<string> Scopes =
        [ServiceDefaults.Access.Scopes.EventsWrite, ServiceDefaults.Access.Scopes.ReportsRead, ServiceDefaults.Access.Scopes.ReportsDetail];

    /// <summary>Writes a new key to <paramref name="directory"/>; returns the JWKS path.</summary>
    public static string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var kid = $"bench-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        using var rsa = RSA.Create(2048);
        var pem = Path.Combine(directory, KeyFile);
        File.Delete(pem);
        WritePrivate(pem, rsa.ExportPkcs8PrivateKeyPem());

        var jwks = Path.Combine(directory, JwksFile);
        File.WriteAllText(jwks, TokenIssuer.FromPemFile(pem, kid, Issuer, Audience).JwksJson());
        return jwks;
    }

    /// <summary>The private half, readable by its owner only.</summary>
    private static void WritePrivate(string path, string text)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, text);
            return;
        }

        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    /// <summary>The key <see cref="Write"/> put in <paramref name="directory"/>.</summary>
    public static TokenIssuer Load(string directory)
    {
        using var jwks = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, JwksFile)));
        var kid = jwks.RootElement.GetProperty("keys")[0].GetProperty("kid").GetString()
                  ?? throw new FormatException($"{JwksFile} in {directory} has no kid.");
        return TokenIssuer.FromPemFile(Path.Combine(directory, KeyFile), kid, Issuer, Audience);
    }

    /// <summary>What the scale stage does: rebuild read models, read the indicators in detail, export.</summary>
    public static readonly IReadOnlyList<string> ScaleScopes =
        [ServiceDefaults.Access.Scopes.Operations, ServiceDefaults.Access.Scopes.ReportsRead, ServiceDefaults.Access.Scopes.ReportsDetail, ServiceDefaults.Access.Scopes.ReportsExport];

    public static string MintForScale(TokenIssuer issuer, TimeSpan lifetime) =>
        issuer.Mint(new TokenRequest(ScaleScopes, [], Subject) { Lifetime = lifetime });

    /// <summary>The run's token: the benchmark speaks for every source the simulator posts as.</summary>
    public static string Mint(TokenIssuer issuer, TimeSpan lifetime) =>
        issuer.Mint(new TokenRequest(Scopes, PartnerSources.Posting, Subject) { Lifetime = lifetime });
}
