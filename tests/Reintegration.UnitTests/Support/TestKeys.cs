using System.Security.Cryptography;
using Reintegration.ServiceDefaults.Privacy;

namespace Reintegration.UnitTests.Support;

/// <summary>Data keys for specs: one fixed key per returnee, so sealed events compare as the same when their data is.</summary>
public static class TestKeys
{
    public static byte[] For(Guid returnee) => SHA256.HashData(returnee.ToByteArray());

    /// <summary>A key ring holding the key of each returnee named, and tombstones for the erased ones.</summary>
    public static KeyRing Ring(IEnumerable<Guid> returnees, IEnumerable<Guid>? erased = null) => new(
        returnees.Distinct().ToDictionary(r => r, r => new PersonalDataKey(r, For(r)))
            .Concat((erased ?? []).ToDictionary(r => r, r => new PersonalDataKey(r, null, DateTimeOffset.UnixEpoch)))
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        protects: true);

    /// <summary>A blind index under a fixed key.</summary>
    public static readonly IBlindIndex BlindIndex = new FixedBlindIndex();

    private sealed class FixedBlindIndex : IBlindIndex
    {
        private static readonly byte[] Key = SHA256.HashData("test blind index"u8);
        public string Of(string value) => Seal.KeyedHash(Key, value);
    }
}
