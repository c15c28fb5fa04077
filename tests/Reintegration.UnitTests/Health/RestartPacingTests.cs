using Reintegration.ServiceDefaults.Health;
using Reintegration.UnitTests.Support;

namespace Reintegration.UnitTests.Health;

public sealed class RestartPacingTests
{
    private static readonly DateTimeOffset Start = Envelopes.At;
    private readonly RestartPacing _pacing = new(TimeSpan.FromSeconds(60));

    [Fact]
    public void A_stalled_shard_is_due_a_restart_at_once() =>
        Assert.Equal(["integration-events:All"], _pacing.Due(["integration-events:All"], Start));

    [Fact]
    public void A_shard_still_stalled_is_not_restarted_again_within_the_interval()
    {
        _pacing.Due(["integration-events:All"], Start);

        Assert.Empty(_pacing.Due(["integration-events:All"], Start.AddSeconds(59)));
        Assert.Equal(["integration-events:All"], _pacing.Due(["integration-events:All"], Start.AddSeconds(60)));
    }

    [Fact]
    public void A_shard_that_moved_again_is_forgotten_so_its_next_stall_restarts_it_at_once()
    {
        _pacing.Due(["HighWaterMark"], Start);
        _pacing.Due([], Start.AddSeconds(5));

        Assert.Equal(["HighWaterMark"], _pacing.Due(["HighWaterMark"], Start.AddSeconds(10)));
    }

    [Fact]
    public void Each_shard_is_paced_on_its_own()
    {
        _pacing.Due(["A:All"], Start);

        Assert.Equal(["B:All"], _pacing.Due(["A:All", "B:All"], Start.AddSeconds(1)));
    }
}
