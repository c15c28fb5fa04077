using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;
using Reintegration.ServiceDefaults.Health;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Health;

public sealed class DaemonProgressMonitorTests
{
    private const long Ceiling = 500;
    private static readonly DateTimeOffset Start = Envelopes.At;

    private readonly DaemonProgressMonitor _monitor = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Daemon:StallAfterSeconds"] = "10" })
        .Build());

    private IReadOnlyList<string> After(double seconds, params ShardState[] shards) =>
        _monitor.Stalled(shards, Ceiling, Start.AddSeconds(seconds));

    [Fact]
    public void The_stall_time_is_read_from_configuration() =>
        Assert.Equal(TimeSpan.FromSeconds(10), _monitor.StallAfter);

    [Fact]
    public void Without_configuration_a_shard_stalls_after_a_minute() =>
        Assert.Equal(TimeSpan.FromMinutes(1), new DaemonProgressMonitor(new ConfigurationBuilder().Build()).StallAfter);

    [Fact]
    public void A_shard_behind_the_ceiling_that_has_not_moved_for_the_stall_time_is_reported()
    {
        After(0, new ShardState("Publishing:All", 120));

        var stalled = Assert.Single(After(10, new ShardState("Publishing:All", 120)));

        Assert.Contains("Publishing:All", stalled);
    }

    [Fact]
    public void A_shard_behind_the_ceiling_not_moved_for_less_than_the_stall_time_is_not_reported()
    {
        After(0, new ShardState("Publishing:All", 120));

        Assert.Empty(After(9.9, new ShardState("Publishing:All", 120)));
    }

    [Fact]
    public void A_shard_seen_for_the_first_time_is_not_reported() =>
        Assert.Empty(After(3600, new ShardState("Publishing:All", 120)));

    [Fact]
    public void A_shard_that_moved_is_not_reported_and_its_stall_time_starts_again()
    {
        After(0, new ShardState("Publishing:All", 120));

        Assert.Empty(After(8, new ShardState("Publishing:All", 180)));
        Assert.Empty(After(16, new ShardState("Publishing:All", 180)));
        Assert.Single(After(18, new ShardState("Publishing:All", 180)));
    }

    [Fact]
    public void A_shard_at_the_ceiling_is_not_reported_however_long_it_stays()
    {
        After(0, new ShardState("Publishing:All", Ceiling));

        Assert.Empty(After(600, new ShardState("Publishing:All", Ceiling)));
    }

    [Fact]
    public void Only_the_stalled_shard_among_several_is_reported()
    {
        After(0, new ShardState("Publishing:All", 120), new ShardState("ReturneeJourney:All", 300), new ShardState("AwarenessEventFact:All", Ceiling));

        var stalled = After(30, new ShardState("Publishing:All", 120), new ShardState("ReturneeJourney:All", 450), new ShardState("AwarenessEventFact:All", Ceiling));

        Assert.Contains("Publishing:All", Assert.Single(stalled));
    }

    [Fact]
    public void A_high_water_mark_frozen_behind_the_last_committed_event_is_reported()
    {
        After(0, new ShardState(ShardState.HighWaterMark, 120));

        Assert.Contains(ShardState.HighWaterMark, Assert.Single(After(10, new ShardState(ShardState.HighWaterMark, 120))));
    }

    [Fact]
    public void A_shard_idle_at_the_head_is_not_stalled_the_moment_an_event_arrives()
    {
        // Given a shard that kept up and then had nothing to do for an hour
        _monitor.Stalled([new ShardState("Publishing:All", 400)], 400, Start);
        _monitor.Stalled([new ShardState("Publishing:All", 400)], 400, Start.AddHours(1));

        // When an event is committed beyond it, the clock starts then
        Assert.Empty(_monitor.Stalled([new ShardState("Publishing:All", 400)], 401, Start.AddHours(1).AddSeconds(1)));
        Assert.Empty(_monitor.Stalled([new ShardState("Publishing:All", 400)], 401, Start.AddHours(1).AddSeconds(10)));

        // Then it is reported only once it has been behind, not moving, for the stall time
        Assert.Single(_monitor.Stalled([new ShardState("Publishing:All", 400)], 401, Start.AddHours(1).AddSeconds(11)));
    }

    [Fact]
    public void A_fresh_store_with_nothing_committed_is_never_stalled()
    {
        var fresh = new[] { new ShardState("integration-events:All", 0), new ShardState(ShardState.HighWaterMark, 0) };
        _monitor.Stalled(fresh, 0, Start);

        Assert.Empty(_monitor.Stalled(fresh, 0, Start.AddHours(2)));
    }
}
