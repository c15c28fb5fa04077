using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Reintegration.ServiceDefaults.Access;

/// <summary>The public keys of <see cref="AuthOptions.SigningKeysFile"/>, a JSON Web Key Set.</summary>
public static class SigningKeys
{
    /// <summary>Key ids starting with this mark the key <c>build/run.sh</c> generates: trusted in Development only.</summary>
    public const string DevelopmentKidPrefix = "development-";

    public static IList<SecurityKey> Load(string path) => new JsonWebKeySet(File.ReadAllText(path)).GetSigningKeys();
}

/// <summary>
/// Refuses to start a service whose token settings are incomplete, or that would trust the
/// development key outside Development (a key whose private half sits in a developer's
/// <c>.run/</c> folder).
/// </summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Audience))
            return ValidateOptionsResult.Fail("Set Auth__Audience: the audience the identity provider puts in this deployment's access tokens.");
        // An empty value (an unset variable in a manifest) counts as not set.
        if (string.IsNullOrWhiteSpace(options.Authority)) options.Authority = null;
        if (string.IsNullOrWhiteSpace(options.SigningKeysFile)) options.SigningKeysFile = null;
        if (options.Authority is null && options.SigningKeysFile is null)
            return ValidateOptionsResult.Fail(
                "Set Auth__Authority to the OpenID Connect provider's issuer URL, or Auth__Issuer and Auth__SigningKeysFile (a JWKS file of public keys).");
        if (options.SigningKeysFile is null) return ValidateOptionsResult.Success;

        if (options.Authority is null && string.IsNullOrWhiteSpace(options.Issuer))
            return ValidateOptionsResult.Fail("Set Auth__Issuer: the issuer that signs the keys in Auth__SigningKeysFile.");
        IList<SecurityKey> keys;
        try
        {
            keys = SigningKeys.Load(options.SigningKeysFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or System.Text.Json.JsonException)
        {
            return ValidateOptionsResult.Fail($"Auth__SigningKeysFile '{options.SigningKeysFile}' is not a readable JSON Web Key Set: {ex.Message}");
        }

        if (keys.Count == 0)
            return ValidateOptionsResult.Fail($"Auth__SigningKeysFile '{options.SigningKeysFile}' holds no signing key.");
        if (!environment.IsDevelopment() && keys.Any(k => k.KeyId?.StartsWith(SigningKeys.DevelopmentKidPrefix, StringComparison.Ordinal) == true))
            return ValidateOptionsResult.Fail(
                $"Auth__SigningKeysFile holds a development key (kid '{SigningKeys.DevelopmentKidPrefix}…'), trusted only when ASPNETCORE_ENVIRONMENT=Development; this is {environment.EnvironmentName}. Use the deployment's identity provider or keys of its own.");
        return ValidateOptionsResult.Success;
    }
}
