using Microsoft.Extensions.Options;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.Access;
using Reintegration.Tokens;
using Reintegration.Training;
using Xunit;

namespace Reintegration.IntegrationTests.Access;

/// <summary>A service outside Development does not start trusting the key build/run.sh generates.</summary>
public sealed class ProductionGuardTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task A_service_outside_development_refuses_to_start_with_the_development_key(string environment)
    {
        var developmentKey = TokenIssuer.Create($"{SigningKeys.DevelopmentKidPrefix}{Guid.NewGuid():N}", TokenIssuer.DevelopmentIssuer);
        var jwks = Path.Combine(Path.GetTempPath(), $"dev-jwks-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(jwks, developmentKey.JwksJson());
        await using var backend = await IsolatedBackend.CreateAsync();
        await using var host = new ServiceHost<TrainingService>(backend, new Dictionary<string, string>
        {
            ["Auth:Issuer"] = TokenIssuer.DevelopmentIssuer,
            ["Auth:SigningKeysFile"] = jwks,
        }, environment: environment);

        var refused = Assert.ThrowsAny<OptionsValidationException>(() => host.Server);

        Assert.Contains("development key", refused.Message);
        File.Delete(jwks);
    }

    [Fact]
    public async Task A_service_without_token_settings_refuses_to_start()
    {
        await using var backend = await IsolatedBackend.CreateAsync();
        await using var host = new ServiceHost<TrainingService>(backend, new Dictionary<string, string>
        {
            ["Auth:Issuer"] = "",
            ["Auth:SigningKeysFile"] = "",
        });

        var refused = Assert.ThrowsAny<OptionsValidationException>(() => host.Server);

        Assert.Contains("Auth__Authority", refused.Message);
    }
}
