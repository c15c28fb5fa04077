using Marten;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.EventStore;
using Xunit;

namespace Reintegration.IntegrationTests.Ingestion;

/// <summary>
/// Many documents of one type in one statement (<see cref="BulkInsert"/>): stored as Marten stores
/// them (each with a version of its own), an id that exists fails the insert as a lost race does,
/// and an upsert replaces.
/// </summary>
public sealed class BulkInsertTests : IAsyncLifetime
{
    public sealed record Noted(string Id, int Number);

    private const string Schema = "bulk_insert";
    private IsolatedBackend _backend = null!;
    private DocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        _backend = await IsolatedBackend.CreateAsync();
        _store = await BareEventStore.CreateAsync(_backend, Schema);
        _store.Options.Schema.For<Noted>();
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task Given_new_documents_when_inserted_together_then_each_loads_with_a_version_of_its_own()
    {
        await WriteAsync(s => s.InsertAll([new Noted("a", 1), new Noted("b", 2)], n => n.Id));

        await using var query = _store.QuerySession();
        var loaded = await query.LoadManyAsync<Noted>(CancellationToken.None, "a", "b");
        Assert.Equal([1, 2], loaded.OrderBy(n => n.Id).Select(n => n.Number));
        var versions = await Task.WhenAll(loaded.Select(n => query.MetadataForAsync(n)));
        Assert.All(versions, m => Assert.NotEqual(Guid.Empty, m!.CurrentVersion));
        Assert.NotEqual(versions[0]!.CurrentVersion, versions[1]!.CurrentVersion);
    }

    [Fact]
    public async Task Given_a_stored_id_when_inserted_again_then_the_commit_fails_and_nothing_of_it_is_stored()
    {
        await WriteAsync(s => s.InsertAll([new Noted("c", 1)], n => n.Id));

        var failed = await Assert.ThrowsAnyAsync<Exception>(() => WriteAsync(s => s.InsertAll([new Noted("d", 2), new Noted("c", 3)], n => n.Id)));
        Assert.True(ConcurrencyConflicts.IsLostRace(failed), failed.ToString());

        await using var query = _store.QuerySession();
        Assert.Equal(1, (await query.LoadAsync<Noted>("c"))!.Number);
        Assert.Null(await query.LoadAsync<Noted>("d"));
    }

    [Fact]
    public async Task Given_a_stored_document_when_upserted_then_it_is_replaced_with_a_new_version()
    {
        await WriteAsync(s => s.UpsertAll([new Noted("e", 1)], n => n.Id));
        await using var first = _store.QuerySession();
        var before = (await first.MetadataForAsync((await first.LoadAsync<Noted>("e"))!))!.CurrentVersion;

        await WriteAsync(s => s.UpsertAll([new Noted("e", 2), new Noted("f", 3)], n => n.Id));

        await using var query = _store.QuerySession();
        var replaced = (await query.LoadAsync<Noted>("e"))!;
        Assert.Equal(2, replaced.Number);
        Assert.NotEqual(before, (await query.MetadataForAsync(replaced))!.CurrentVersion);
    }

    private async Task WriteAsync(Action<IDocumentSession> stage)
    {
        await using var session = _store.LightweightSession();
        stage(session);
        await session.SaveChangesAsync();
    }
}
