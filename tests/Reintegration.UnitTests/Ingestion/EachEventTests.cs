using System.Collections.Concurrent;
using Reintegration.ServiceDefaults.Ingestion;

namespace Reintegration.UnitTests.Ingestion;

public sealed class EachEventTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(EachEvent.InParallelFrom - 1)]
    [InlineData(EachEvent.InParallelFrom)]
    [InlineData(500)]
    [InlineData(1_001)]
    public void Given_a_batch_when_each_event_is_mapped_then_every_result_is_in_the_events_place_once(int count)
    {
        var events = Enumerable.Range(0, count).ToList();
        var calls = new ConcurrentDictionary<int, int>();

        var results = EachEvent.Map(events, e =>
        {
            calls.AddOrUpdate(e, 1, (_, n) => n + 1);
            return $"event {e}";
        });

        Assert.Equal(events.Select(e => $"event {e}"), results);
        Assert.All(calls.Values, n => Assert.Equal(1, n));
        Assert.Equal(count, calls.Count);
    }

    [Fact]
    public void Given_a_step_that_fails_when_a_batch_is_mapped_then_the_failure_reaches_the_caller() =>
        Assert.ThrowsAny<Exception>(() => EachEvent.Map(Enumerable.Range(0, 500).ToList(), e => e == 321 ? throw new InvalidOperationException("bug") : e));
}
