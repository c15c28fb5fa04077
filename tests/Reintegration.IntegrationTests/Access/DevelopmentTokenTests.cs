using System.Diagnostics;
using System.Net;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.Tokens;
using Xunit;

namespace Reintegration.IntegrationTests.Access;

/// <summary>
/// build/token.sh (openssl) and the services (IdentityModel) agree on the token: a token the
/// script prints opens a service that trusts the development key, in Development only.
/// </summary>
public sealed class DevelopmentTokenTests
{
    [Fact]
    public async Task A_token_from_build_token_sh_is_accepted_by_a_service_in_development()
    {
        var root = Repository.Root;
        var token = await RunAsync(Path.Combine(root, "build", "token.sh"), "--scopes", "reports:read", "--sources", "urn:partner:ngo-field-app", "--minutes", "5");
        await using var backend = await IsolatedBackend.CreateAsync();
        await using var reporting = new ServiceHost<ReportingService>(backend, new Dictionary<string, string>
        {
            ["Auth:Issuer"] = TokenIssuer.DevelopmentIssuer,
            ["Auth:SigningKeysFile"] = Path.Combine(root, ".run", "dev-jwks.json"),
        }, environment: "Development");
        using var client = reporting.ClientWith(token);

        var response = await client.GetAsync("/indicators");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/returnees/{Guid.NewGuid()}/journey")).StatusCode);
    }

    private static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"token.sh exited {process.ExitCode}: {await errors}");
        return (await output).Trim();
    }
}
