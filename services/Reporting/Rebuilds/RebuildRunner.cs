using System.Threading.Channels;
using Npgsql;

namespace Reintegration.Reporting.Rebuilds;

/// <summary>
/// Runs the rebuilds asked of this replica, one at a time (each takes the machine's disk and
/// cores), in the background; what it does is in the <see cref="RebuildLedger"/> for any replica
/// to answer. A rebuild cut short by a shutdown is abandoned: the live tables were never touched.
/// </summary>
public sealed class RebuildRunner(IEnumerable<IReadModelRebuild> rebuilds, RebuildLedger ledger, ILogger<RebuildRunner> logger) : BackgroundService
{
    private readonly Channel<(Guid Id, IReadModelRebuild Rebuild)> _queue = Channel.CreateUnbounded<(Guid, IReadModelRebuild)>();

    public IReadOnlyDictionary<string, IReadModelRebuild> ReadModels { get; } = rebuilds.ToDictionary(r => r.Name);

    /// <summary>Queues a rebuild of <paramref name="rebuild"/>; or, when one is already active, answers that one (and false).</summary>
    public async Task<(Guid Id, bool Created)> RequestAsync(IReadModelRebuild rebuild, CancellationToken cancellationToken)
    {
        var (id, created) = await ledger.RequestAsync(rebuild.Name, cancellationToken);
        if (created) _queue.Writer.TryWrite((id, rebuild));
        return (id, created);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (id, rebuild) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                logger.LogInformation("Rebuild {RebuildId} of {ReadModel} started", id, rebuild.Name);
                await rebuild.RunAsync(id, ledger, stoppingToken);
                logger.LogInformation("Rebuild {RebuildId} of {ReadModel} completed", id, rebuild.Name);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await RecordAsync(() => ledger.AbandonAsync(id, CancellationToken.None), id);
                logger.LogWarning("Rebuild {RebuildId} of {ReadModel} abandoned: the service is stopping", id, rebuild.Name);
                return;
            }
            catch (Exception ex)
            {
                // The type and SQL state only: a message may quote a value from the log.
                var error = ex is PostgresException pg ? $"{ex.GetType().Name} {pg.SqlState}" : ex.GetType().Name;
                logger.LogError("Rebuild {RebuildId} of {ReadModel} failed: {Error}", id, rebuild.Name, error);
                await RecordAsync(() => ledger.FailAsync(id, error, CancellationToken.None), id);
            }
        }
    }

    /// <summary>Records an outcome, if the database lets it: if not, the rebuild shows abandoned within a minute, which is also true.</summary>
    private async Task RecordAsync(Func<Task> record, Guid id)
    {
        try
        {
            await record();
        }
        catch (Exception ex)
        {
            logger.LogWarning("The outcome of rebuild {RebuildId} could not be recorded: {Error}", id, ex.GetType().Name);
        }
    }
}
