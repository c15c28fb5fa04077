using Marten;
using Npgsql;

namespace Reintegration.Intake.Duplicates;

/// <summary>
/// Drops the table that stored a row per possible-duplicate pair before pairs were read from the
/// name index (<see cref="PossiblePairs"/>), where a database still has it: erasure no longer
/// deletes its rows, so the pairs of a returnee erased from now on would stay there.
/// </summary>
public sealed class RetiredFlagsTable(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"drop table if exists {store.Options.DatabaseSchemaName}.mt_doc_possibleduplicate", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
