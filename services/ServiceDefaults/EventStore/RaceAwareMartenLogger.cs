using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Reintegration.ServiceDefaults.EventStore;

/// <summary>
/// Marten's own logger writes every failed command as an error and its DDL at Information. Here a
/// commit that lost a race to another writer is expected and decided again (see
/// <see cref="ConcurrencyConflicts"/>), so it goes to Debug, and so does DDL: an error in the log
/// still means something an operator should look at. Command texts are not logged at all.
/// </summary>
public sealed class RaceAwareMartenLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogDebug("Marten applied a schema change");

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failure(ex, "A database command failed");

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Failure(ex, "A database batch failed");

    public void LogFailure(Exception ex, string message) => Failure(ex, message);

    public void LogSuccess(NpgsqlCommand command) { }

    public void LogSuccess(NpgsqlBatch batch) { }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }

    private void Failure(Exception ex, string message)
    {
        if (ConcurrencyConflicts.IsLostRace(ex))
            logger.LogDebug("A commit lost a race to another writer and will be decided again: {Reason}", ex.GetType().Name);
        else
            logger.LogError(ex, "{Message}", message);
    }
}
