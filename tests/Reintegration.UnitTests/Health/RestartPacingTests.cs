using Reintegration.ServiceDefaults.Health;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Health;

public sealed class RestartPacingTests
{
    private static readonly DateTimeOffset Start = Envelopes.At;
    private readonly RestartPacing _pacing = new(TimeSpan.FromSeconds(120));

    [Fact]
    public void A_shard_just_reported_stalled_is_left_to_the_daemon_for_the_interval()
    {
        Assert.Empty(_pacing.Due(["integration-events:All"], Start));
        Assert.Empty(_pacing.Due(["integration-events:All"], Start.AddSeconds(119)));
        Assert.Equal(["integration-events:All"], _pacing.Due(["integration-events:All"], Start.AddSeconds(120)));
    }

    [Fact]
    public void A_shard_still_stalled_after_its_restart_is_restarted_again_only_after_another_interval()
    {
        _pacing.Due(["integration-events:All"], Start);
        _pacing.Due(["integration-events:All"], Start.AddSeconds(120));

        Assert.Empty(_pacing.Due(["integration-events:All"], Start.AddSeconds(239)));
        Assert.Equal(["integration-events:All"], _pacing.Due(["integration-events:All"], Start.AddSeconds(240)));
    }

    [Fact]
    public void A_shard_that_moved_again_is_forgotten_so_its_next_stall_waits_a_whole_interval()
    {
        _pacing.Due(["HighWaterMark"], Start);
        _pacing.Due([], Start.AddSeconds(100));

        Assert.Empty(_pacing.Due(["HighWaterMark"], Start.AddSeconds(130)));
        Assert.Empty(_pacing.Due(["HighWaterMark"], Start.AddSeconds(249)));
        Assert.Equal(["HighWaterMark"], _pacing.Due(["HighWaterMark"], Start.AddSeconds(250)));
    }

    [Fact]
    public void Each_shard_is_paced_on_its_own()
    {
        _pacing.Due(["A:All"], Start);
        _pacing.Due(["A:All", "B:All"], Start.AddSeconds(60));

        Assert.Equal(["A:All"], _pacing.Due(["A:All", "B:All"], Start.AddSeconds(120)));
        Assert.Equal(["B:All"], _pacing.Due(["A:All", "B:All"], Start.AddSeconds(180)));
    }
}
