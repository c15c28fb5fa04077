using System.Security.Cryptography;
using System.Text.Json;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.ServiceDefaults.Privacy;

/// <summary>Identifying data sealed under its returnee's key: AES-256-GCM, base64 (nonce, ciphertext, tag).</summary>
public sealed record Sealed(string Nonce, string Ciphertext, string Tag);

/// <summary>
/// AES-256-GCM with a synthetic nonce: the nonce is an HMAC of the plaintext under the key, so
/// the same data under the same key seals to the same bytes (a decision can tell "the same
/// registration again" without opening it, and stays pure), and different data never shares a
/// nonce. Without the key, a sealed value tells nothing but its length.
/// </summary>
public static class Seal
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static Sealed Close<T>(T value, byte[] key)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(value, JsonDefaults.Web);
        var nonce = HMACSHA256.HashData(key, plaintext).AsSpan(0, NonceBytes).ToArray();
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagBytes];
        using (var aes = new AesGcm(key, TagBytes)) aes.Encrypt(nonce, plaintext, ciphertext, tag);
        CryptographicOperations.ZeroMemory(plaintext);
        return new Sealed(Convert.ToBase64String(nonce), Convert.ToBase64String(ciphertext), Convert.ToBase64String(tag));
    }

    /// <summary>The value, or null when <paramref name="key"/> is not the one it was sealed under (or the seal was altered).</summary>
    public static T? Open<T>(Sealed seal, byte[] key) where T : class
    {
        var ciphertext = Convert.FromBase64String(seal.Ciphertext);
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(Convert.FromBase64String(seal.Nonce), ciphertext, Convert.FromBase64String(seal.Tag), plaintext);
            return JsonSerializer.Deserialize<T>(plaintext, JsonDefaults.Web);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>A keyed hash (HMAC-SHA-256, hex): comparable, not reversible, unguessable without the key.</summary>
    public static string KeyedHash(byte[] key, string value) =>
        Convert.ToHexString(HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(value)));
}
