using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reintegration.ServiceDefaults.Health;

/// <summary>
/// Restarts, in this process, a part of the async daemon that has stopped advancing: the
/// high-water agent (Marten's can die after a database blip, marten#4961, while the shards' lag
/// reads healthy, marten#4982) through the daemon's own restart seam, which never moves the mark
/// forward, and any projection or subscription agent by stopping and starting it, which resumes it
/// from its stored position (a subscription's page may run again; consumers skip what they had).
/// Judged as the detail check judges (<see cref="DaemonProgressMonitor"/>), every
/// <c>Daemon:WatchdogSeconds</c> (10; 0 turns it off), and only on the replica that runs the
/// daemon: a standby's restart would change nothing. A shard is restarted once it has been
/// reported stalled for <c>Daemon:RestartAfterSeconds</c> more (twice the stall time by default),
/// and again only after as long (<see cref="RestartPacing"/>): a restart cuts short the page the
/// daemon is retrying, which must not happen on every look. Why in process rather than by exiting: docs/decisions.md, "Operations".
/// </summary>
public sealed partial class DaemonWatchdog(
    IProjectionCoordinator coordinator, DaemonProgressReader reader, DaemonProgressMonitor monitor,
    TimeProvider clock, IConfiguration configuration, ILogger<DaemonWatchdog> logger) : BackgroundService
{
    private readonly TimeSpan _every = TimeSpan.FromSeconds(configuration.GetValue("Daemon:WatchdogSeconds", 10.0));
    // Reported stalled this much longer before a restart, and this long between restarts.
    private readonly RestartPacing _pacing = new(TimeSpan.FromSeconds(
        configuration.GetValue("Daemon:RestartAfterSeconds", 2 * monitor.StallAfter.TotalSeconds)));

    /// <summary>Restarts so far (high-water agent and shards): the detail check and tests read it.</summary>
    public int Restarts { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_every <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(_every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await LookAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database away, say: the next look tries again; the detail says what is wrong.
                LogLookFailed(ex.GetType().Name);
            }
        }
    }

    public async Task LookAsync(CancellationToken cancellationToken)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        // A standby runs neither agents nor a high-water agent: the replica holding the daemon's
        // lock looks after it. (A stopped high-water agent alone reads as not running.)
        if (!daemon.IsRunning && !daemon.CurrentAgents().Any()) return;

        var (shards, lastCommitted) = await reader.ReadAsync(cancellationToken);
        var stalled = monitor.StalledShards(shards, lastCommitted, clock.GetUtcNow()).Select(s => s.ShardName).ToList();
        if (daemon.IsHighWaterStale && !stalled.Contains(ShardState.HighWaterMark)) stalled.Add(ShardState.HighWaterMark);

        foreach (var shard in _pacing.Due(stalled, clock.GetUtcNow()))
        {
            if (shard == ShardState.HighWaterMark)
            {
                LogRestartingHighWater(lastCommitted);
                await daemon.RestartHighWaterAgentAsync(cancellationToken);
            }
            else
            {
                LogRestartingShard(shard, lastCommitted);
                await daemon.StopAgentAsync(shard);
                await daemon.StartAgentAsync(shard, cancellationToken);
            }

            Restarts++;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The high-water mark has not advanced towards event {LastCommitted}: restarting the high-water agent")]
    private partial void LogRestartingHighWater(long lastCommitted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Shard} has not advanced towards event {LastCommitted}: restarting its agent")]
    private partial void LogRestartingShard(string shard, long lastCommitted);

    [LoggerMessage(Level = LogLevel.Information, Message = "The daemon's watchdog could not look at its progress ({Exception}); it looks again shortly")]
    private partial void LogLookFailed(string exception);
}
