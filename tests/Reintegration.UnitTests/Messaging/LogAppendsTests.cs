using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.UnitTests.Messaging;

/// <summary>A consumer batch's log appends: one entry per stream, its events in the order told, none checked against a version.</summary>
public sealed class LogAppendsTests
{
    [Fact]
    public void Given_events_for_two_streams_interleaved_when_collected_then_each_stream_keeps_its_own_in_order_unchecked()
    {
        var group = Guid.NewGuid();
        var returnee = Guid.NewGuid();
        var log = new LogAppends();

        log.Add(group, "reported");
        log.Add(returnee, "attended");
        log.Add(group, "reported again");

        var appends = log.ToAppends();
        Assert.Equal(2, appends.Count);
        Assert.Equal(["reported", "reported again"], appends[group].Events);
        Assert.Equal(["attended"], appends[returnee].Events);
        Assert.All(appends.Values, a => Assert.Null(a.LoadedVersion));
    }

    [Fact]
    public void Given_nothing_told_when_collected_then_nothing_is_appended()
    {
        Assert.Empty(new LogAppends().ToAppends());
    }
}
