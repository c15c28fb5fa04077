using Reintegration.ServiceDefaults.Privacy;

namespace Reintegration.UnitTests.Privacy;

public sealed class KeyedHasherTests
{
    [Fact]
    public async Task Given_one_key_when_values_are_hashed_on_many_threads_then_each_hash_is_the_one_shot_HMAC_of_the_value()
    {
        var key = Seal.NewKey();
        using var hasher = new KeyedHasher(key);
        var values = Enumerable.Range(0, 2_000).Select(i => $"possible-duplicate|awa traore {i}|kita|2001").ToArray();

        var hashed = await Task.WhenAll(values.Chunk(100).Select(chunk => Task.Run(() => chunk.Select(hasher.Of).ToArray())));

        Assert.Equal(values.Select(v => Seal.KeyedHash(key, v)), hashed.SelectMany(h => h));
    }

    [Fact]
    public void Given_another_key_when_a_value_is_hashed_then_the_hash_differs()
    {
        using var one = new KeyedHasher(Seal.NewKey());
        using var other = new KeyedHasher(Seal.NewKey());

        Assert.NotEqual(one.Of("PR-0001"), other.Of("PR-0001"));
    }

    [Fact]
    public void Given_a_hasher_disposed_once_when_disposed_again_then_nothing_is_thrown()
    {
        var hasher = new KeyedHasher(Seal.NewKey());
        _ = hasher.Of("PR-0001");
        hasher.Dispose();

        Assert.Null(Record.Exception(hasher.Dispose));
    }
}
