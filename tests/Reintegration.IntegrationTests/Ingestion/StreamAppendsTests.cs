using System.Diagnostics;
using Marten;
using Npgsql;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Telemetry;
using Xunit;

namespace Reintegration.IntegrationTests.Ingestion;

/// <summary>
/// Many streams appended in one statement (<see cref="StreamAppends"/>) must store what Marten's
/// own appends store, read back by Marten, and lose a race exactly as Marten's appends do.
/// </summary>
public sealed class StreamAppendsTests : IAsyncLifetime
{
    public sealed record Noted(string What, int Count);

    public sealed record Changed(string To);

    private IsolatedBackend _backend = null!;
    private DocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        _backend = await IsolatedBackend.CreateAsync();
        _store = await BareEventStore.CreateAsync(_backend, "appends", typeof(Noted), typeof(Changed));
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task Given_new_and_existing_streams_when_appended_in_one_statement_then_Marten_reads_them_as_its_own()
    {
        var existing = Guid.NewGuid();
        var fresh = Guid.NewGuid();
        await StartWithMartenAsync(existing, new Noted("first", 1));

        using var span = new Activity("appending").SetIdFormat(ActivityIdFormat.W3C).Start();
        var at = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        await AppendAsync(new Dictionary<Guid, StreamAppend>
        {
            [fresh] = new(0, [new Noted("a", 2), new Changed("b"), new Noted("c", 3)]),
            [existing] = new(1, [new Changed("second")]),
        }, at);

        await using var query = _store.QuerySession();
        var freshEvents = await query.Events.FetchStreamAsync(fresh);
        Assert.Equal([1L, 2L, 3L], freshEvents.Select(e => e.Version));
        Assert.Equal<object>([new Noted("a", 2), new Changed("b"), new Noted("c", 3)], freshEvents.Select(e => e.Data).ToList());
        Assert.All(freshEvents, e => Assert.Equal(at, e.Timestamp));
        Assert.All(freshEvents, e => Assert.Equal((span.TraceId, span.SpanId), (TraceContext.Of(e)!.Value.TraceId, TraceContext.Of(e)!.Value.SpanId)));
        Assert.Equal(3, (await query.Events.FetchStreamStateAsync(fresh))!.Version);

        var existingEvents = await query.Events.FetchStreamAsync(existing);
        Assert.Equal<object>([new Noted("first", 1), new Changed("second")], existingEvents.Select(e => e.Data).ToList());
        Assert.Equal(2, (await query.Events.FetchStreamStateAsync(existing))!.Version);
        // One global sequence with Marten's own appends: nothing skipped, nothing reused.
        Assert.Equal(5L, await _backend.ScalarAsync<long>("select count(distinct seq_id) from appends.mt_events"));
    }

    [Fact]
    public async Task Given_a_stream_moved_on_since_it_was_read_when_appended_then_the_commit_is_a_lost_race_and_stores_nothing()
    {
        var moved = Guid.NewGuid();
        var untouched = Guid.NewGuid();
        await StartWithMartenAsync(moved, new Noted("first", 1), new Noted("second", 2));

        var error = await FailedAppendAsync(new Dictionary<Guid, StreamAppend>
        {
            [untouched] = new(0, [new Noted("new", 1)]),
            [moved] = new(1, [new Changed("late")]),
        });

        Assert.True(ConcurrencyConflicts.IsLostRace(error), error.ToString());
        await using var query = _store.QuerySession();
        Assert.Empty(await query.Events.FetchStreamAsync(untouched));
        Assert.Equal(2, (await query.Events.FetchStreamAsync(moved)).Count);
    }

    [Fact]
    public async Task Given_a_stream_another_writer_created_when_started_again_then_the_commit_is_a_lost_race()
    {
        var stream = Guid.NewGuid();
        await AppendAsync(new Dictionary<Guid, StreamAppend> { [stream] = new(0, [new Noted("mine", 1)]) });

        var error = await FailedAppendAsync(new Dictionary<Guid, StreamAppend> { [stream] = new(0, [new Noted("also mine", 1)]) });

        Assert.True(ConcurrencyConflicts.IsLostRace(error), error.ToString());
        await using var query = _store.QuerySession();
        Assert.Equal<object>([new Noted("mine", 1)], (await query.Events.FetchStreamAsync(stream)).Select(e => e.Data).ToList());
    }

    [Fact]
    public async Task Given_a_stream_another_writer_created_when_a_batch_starts_it_again_with_new_ones_then_the_commit_is_a_lost_race_and_stores_nothing()
    {
        var taken = Guid.NewGuid();
        await AppendAsync(new Dictionary<Guid, StreamAppend> { [taken] = new(0, [new Noted("mine", 1)]) });
        var fresh = Guid.NewGuid();

        // Every stream read as new: the set-based statement neither locks nor checks, and the
        // taken one fails on mt_streams' primary key.
        var error = await FailedAppendAsync(new Dictionary<Guid, StreamAppend> { [fresh] = new(0, [new Noted("new", 1)]), [taken] = new(0, [new Noted("also mine", 1)]) });

        Assert.True(ConcurrencyConflicts.IsLostRace(error), error.ToString());
        await using var query = _store.QuerySession();
        Assert.Equal<object>([new Noted("mine", 1)], (await query.Events.FetchStreamAsync(taken)).Select(e => e.Data).ToList());
        Assert.Empty(await query.Events.FetchStreamAsync(fresh));
    }

    [Fact]
    public async Task Given_many_streams_in_one_statement_when_appended_then_within_each_stream_the_sequence_follows_the_versions()
    {
        var streams = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        await AppendAsync(streams.ToDictionary(s => s, _ => new StreamAppend(0, [new Noted("a", 1), new Noted("b", 2), new Noted("c", 3)])));

        await using var query = _store.QuerySession();
        var events = await query.Events.QueryAllRawEvents().ToListAsync();
        Assert.Equal(120, events.Select(e => e.Sequence).Distinct().Count());
        Assert.All(events.GroupBy(e => e.StreamId), stream =>
        {
            Assert.Equal(["a", "b", "c"], stream.OrderBy(e => e.Sequence).Select(e => ((Noted)e.Data).What));
            Assert.Equal([1L, 2L, 3L], stream.OrderBy(e => e.Sequence).Select(e => e.Version));
        });
        foreach (var stream in streams) Assert.Equal(3, (await query.Events.FetchStreamStateAsync(stream))!.Version);
    }

    [Fact]
    public async Task Given_two_writers_appending_to_one_log_stream_at_once_when_both_commit_then_both_land_one_after_the_other()
    {
        var log = Guid.NewGuid();
        await StartWithMartenAsync(log, new Noted("opened", 0));

        // The first holds the stream's row lock in an open transaction; the second waits on it,
        // then appends after the first's events instead of colliding on their versions.
        await using var connection = new NpgsqlConnection(_backend.Postgres);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var first = _store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction)))
        {
            first.AppendToStreams(new Dictionary<Guid, StreamAppend> { [log] = new(null, [new Noted("first", 1)]) }, DateTimeOffset.UtcNow);
            await first.SaveChangesAsync(); // in the open transaction, not committed
        }
        await using var second = _store.LightweightSession();
        second.AppendToStreams(new Dictionary<Guid, StreamAppend> { [log] = new(null, [new Noted("second", 2)]) }, DateTimeOffset.UtcNow);
        var secondCommit = second.SaveChangesAsync();
        await Eventually.UntilAsync(() => _backend.ScalarAsync<long>(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"),
            waiting => waiting > 0, "the second writer waiting on the stream's lock");
        Assert.False(secondCommit.IsCompleted);
        await transaction.CommitAsync();
        await secondCommit;

        await using var query = _store.QuerySession();
        var events = await query.Events.FetchStreamAsync(log);
        Assert.Equal(["opened", "first", "second"], events.Select(e => ((Noted)e.Data).What));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
    }

    [Fact]
    public async Task Given_an_archived_stream_when_appended_then_the_commit_fails_and_stores_nothing()
    {
        var archived = Guid.NewGuid();
        var other = Guid.NewGuid();
        await StartWithMartenAsync(archived, new Noted("first", 1));
        await using (var session = _store.LightweightSession())
        {
            session.Events.ArchiveStream(archived);
            await session.SaveChangesAsync();
        }

        var error = await FailedAppendAsync(new Dictionary<Guid, StreamAppend> { [other] = new(0, [new Noted("new", 1)]), [archived] = new(null, [new Changed("late")]) });

        Assert.False(ConcurrencyConflicts.IsLostRace(error), error.ToString());
        Assert.Equal(1L, await _backend.ScalarAsync<long>("select count(*) from appends.mt_events"));

        // Alone in its commit too (the one-stream statements).
        Assert.False(ConcurrencyConflicts.IsLostRace(await FailedAppendAsync(new Dictionary<Guid, StreamAppend> { [archived] = new(1, [new Changed("late")]) })));
        Assert.Equal(1L, await _backend.ScalarAsync<long>("select count(*) from appends.mt_events"));
    }

    [Fact]
    public async Task Given_one_stream_moved_on_since_it_was_read_when_appended_alone_then_the_commit_is_a_lost_race()
    {
        var stream = Guid.NewGuid();
        await StartWithMartenAsync(stream, new Noted("first", 1), new Noted("second", 2));

        Assert.True(ConcurrencyConflicts.IsLostRace(await FailedAppendAsync(new Dictionary<Guid, StreamAppend> { [stream] = new(1, [new Changed("late")]) })));
        await AppendAsync(new Dictionary<Guid, StreamAppend> { [stream] = new(2, [new Changed("on time"), new Noted("third", 3)]) });

        await using var query = _store.QuerySession();
        var events = await query.Events.FetchStreamAsync(stream);
        Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e.Version));
        Assert.Equal<object>([new Changed("on time"), new Noted("third", 3)], events.Skip(2).Select(e => e.Data).ToList());
        Assert.Equal(4, (await query.Events.FetchStreamStateAsync(stream))!.Version);
    }

    /// <summary>A stream started through Marten's own session: what the appends must read and extend as their own.</summary>
    private async Task StartWithMartenAsync(Guid stream, params object[] events)
    {
        await using var session = _store.LightweightSession();
        session.Events.StartStream(stream, events);
        await session.SaveChangesAsync();
    }

    /// <summary>One commit of <paramref name="appends"/> through <see cref="StreamAppends"/>.</summary>
    private async Task AppendAsync(Dictionary<Guid, StreamAppend> appends, DateTimeOffset? at = null)
    {
        await using var session = _store.LightweightSession();
        session.AppendToStreams(appends, at ?? DateTimeOffset.UtcNow);
        await session.SaveChangesAsync();
    }

    /// <summary>The failure of one commit of <paramref name="appends"/> through <see cref="StreamAppends"/>.</summary>
    private async Task<Exception> FailedAppendAsync(Dictionary<Guid, StreamAppend> appends)
    {
        await using var session = _store.LightweightSession();
        session.AppendToStreams(appends, DateTimeOffset.UtcNow);
        return await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
    }
}
