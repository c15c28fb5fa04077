using Marten;
using Npgsql;

namespace Reintegration.Intake.Audit;

/// <summary>
/// Makes the audit table append-only in PostgreSQL itself: a trigger refuses every update,
/// delete and truncate, whoever connects, so that not even the service can rewrite who read what.
/// </summary>
public sealed class AuditLogStorage(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IdentifyingRead), cancellationToken);
        // The qualified name of the document table, e.g. intake.mt_doc_identifyingread.
        var table = store.Options.Schema.For<IdentifyingRead>();
        var schema = store.Options.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            create or replace function {schema}.refuse_audit_change() returns trigger language plpgsql as
            $$ begin raise exception 'the audit log of identifying reads is append-only'; end $$;
            create or replace trigger audit_append_only before update or delete or truncate on {table}
            for each statement execute function {schema}.refuse_audit_change();
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
