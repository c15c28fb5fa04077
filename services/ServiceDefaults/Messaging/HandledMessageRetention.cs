using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// Keeps the consumer's record of handled messages (<see cref="HandledMessage"/>) as long as a
/// delivery of the same message can come again, not for ever. A message comes again when the
/// broker redelivers it (a consumer stopped before acknowledging) or a publisher's page runs again
/// (the daemon stopped before saving its position): minutes, hours at most. The record is kept
/// <c>Messaging:HandledRetentionDays</c> (30). A message republished later than that (an operator
/// replaying history on purpose) is still counted once: every fact a consumer keeps is kept once
/// by its own id (a session, an assessment, a training), so the record is a fast path, not the
/// only guard.
/// </summary>
public sealed class HandledMessageRetention(
    IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<HandledMessageRetention> logger) : BackgroundService
{
    public TimeSpan KeepFor { get; } = TimeSpan.FromDays(configuration.GetValue("Messaging:HandledRetentionDays", 30.0));

    private TimeSpan Every { get; } = TimeSpan.FromMinutes(configuration.GetValue("Messaging:HandledRetentionSweepMinutes", 60.0));

    /// <summary>Deletes the records older than <see cref="KeepFor"/>; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - KeepFor;
        await using var session = store.LightweightSession();
        var before = await session.Query<HandledMessage>().CountAsync(h => h.HandledAt < cutoff, cancellationToken);
        if (before == 0) return 0;
        session.DeleteWhere<HandledMessage>(h => h.HandledAt < cutoff);
        await session.SaveChangesAsync(cancellationToken);
        return before;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                var swept = await SweepAsync(stoppingToken);
                if (swept > 0) logger.LogInformation("Dropped {Count} handled-message records older than {Days} days", swept, KeepFor.TotalDays);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The next sweep tries again; records only grow a little meanwhile.
                logger.LogWarning(ex, "Could not drop old handled-message records");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
