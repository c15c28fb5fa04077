using JasperFx;
using Marten;

namespace Reintegration.Benchmarks.Baselines;

/// <summary>A baseline's own DocumentStore in a schema of its own, its tables created before any clock starts.</summary>
public static class BaselineStore
{
    public static async Task<DocumentStore> OpenAsync(string connectionString, string schema, Action<StoreOptions> configure)
    {
        var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = schema;
            options.Events.DatabaseSchemaName = schema;
            options.AutoCreateSchemaObjects = AutoCreate.All;
            configure(options);
        });
        // Schema creation is not an append.
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return store;
    }
}
