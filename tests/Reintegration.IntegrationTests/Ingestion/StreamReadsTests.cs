using Marten;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.EventStore;
using Xunit;

namespace Reintegration.IntegrationTests.Ingestion;

/// <summary>
/// A decision reads its batch's streams in one go (<see cref="StreamStates"/>): the events of
/// those that exist, in the order they were stored, and nothing for those that do not.
/// </summary>
public sealed class StreamReadsTests : IAsyncLifetime
{
    public sealed record Noted(int Number);

    private const string Schema = "stream_reads";
    private IsolatedBackend _backend = null!;
    private DocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        _backend = await IsolatedBackend.CreateAsync();
        _store = await BareEventStore.CreateAsync(_backend, Schema, typeof(Noted));
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task Given_existing_and_new_streams_when_read_together_then_the_existing_ones_events_come_in_sequence_order()
    {
        var (first, second, missing) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await AppendAsync(new() { [first] = new(null, [new Noted(1), new Noted(2)]), [second] = new(null, [new Noted(3)]) });
        await AppendAsync(new() { [first] = new(2, [new Noted(4)]) });

        await using var query = _store.QuerySession();
        var events = await StreamStates.EventsOfAsync(query, [missing, second, first], CancellationToken.None);

        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        Assert.Equal([1, 2, 4], events.Where(e => e.StreamId == first).Select(e => ((Noted)e.Data).Number));
        Assert.Equal([3], events.Where(e => e.StreamId == second).Select(e => ((Noted)e.Data).Number));
        Assert.Equal(4, events.Count);
        Assert.Empty(await StreamStates.EventsOfAsync(query, [missing, Guid.NewGuid()], CancellationToken.None));
    }

    private async Task AppendAsync(Dictionary<Guid, StreamAppend> appends)
    {
        await using var session = _store.LightweightSession();
        session.AppendToStreams(appends, DateTimeOffset.UtcNow);
        await session.SaveChangesAsync();
    }
}
