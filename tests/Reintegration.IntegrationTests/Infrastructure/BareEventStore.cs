using JasperFx;
using Marten;
using Reintegration.ServiceDefaults.EventStore;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// A Marten store of a test's own, in a schema of its own: events stored as the services store
/// them (headers on, the set-based append), and nothing else of a service around them.
/// </summary>
public static class BareEventStore
{
    public static async Task<DocumentStore> CreateAsync(IsolatedBackend backend, string schema, params Type[] eventTypes)
    {
        var store = DocumentStore.For(options =>
        {
            options.Connection(backend.Postgres);
            options.DatabaseSchemaName = schema;
            options.Events.DatabaseSchemaName = schema;
            options.Events.MetadataConfig.HeadersEnabled = true;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.AddEventTypes(eventTypes);
            options.UseStreamAppends();
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return store;
    }
}
