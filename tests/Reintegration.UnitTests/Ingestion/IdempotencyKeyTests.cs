using System.Text;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.UnitTests.Ingestion;

/// <summary>source + id is the idempotency key: two different events never share one.</summary>
public sealed class IdempotencyKeyTests
{
    [Fact]
    public void Given_a_bar_in_the_source_or_in_the_id_when_keyed_then_the_keys_differ() =>
        Assert.NotEqual(IngestionRecord.KeyFor("S|p", "q"), IngestionRecord.KeyFor("S", "p|q"));

    [Fact]
    public void Given_a_backslash_before_the_bar_when_keyed_then_the_keys_differ()
    {
        Assert.NotEqual(IngestionRecord.KeyFor(@"S\", "q"), IngestionRecord.KeyFor("S", @"\q"));
        Assert.NotEqual(IngestionRecord.KeyFor(@"S\|p", "q"), IngestionRecord.KeyFor(@"S\", "p|q"));
    }

    [Fact]
    public void Given_an_ordinary_source_when_keyed_then_the_key_is_source_bar_id_as_before() =>
        Assert.Equal("urn:partner:ngo-field-app|evt|42", IngestionRecord.KeyFor("urn:partner:ngo-field-app", "evt|42"));

    [Fact]
    public void Given_every_pair_of_short_sources_and_ids_when_keyed_then_each_key_gives_back_its_own_pair()
    {
        string[] parts = ["", "a", "|", "\\", "a|", "|a", "\\|", "|\\", "a\\b|c", "\\\\|", "||"];
        var keys = new Dictionary<string, (string, string)>();
        foreach (var source in parts)
        foreach (var id in parts)
        {
            var key = IngestionRecord.KeyFor(source, id);
            Assert.Equal((source, id), Split(key));
            Assert.True(keys.TryAdd(key, (source, id)), $"'{key}' is the key of both {keys.GetValueOrDefault(key)} and ({source}, {id})");
        }
    }

    /// <summary>How an operator reads a key: the source runs to the first bar that no backslash escapes.</summary>
    private static (string Source, string Id) Split(string key)
    {
        var source = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '\\') source.Append(key[++i]);
            else if (key[i] == '|') return (source.ToString(), key[(i + 1)..]);
            else source.Append(key[i]);
        }

        throw new FormatException($"'{key}' has no separator");
    }
}
