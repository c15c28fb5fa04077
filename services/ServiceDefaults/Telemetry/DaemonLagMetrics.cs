using System.Diagnostics.Metrics;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.ServiceDefaults.Telemetry;

/// <summary>
/// How far each projection and subscription (and the high-water mark they all wait on) is behind
/// the last committed event: in events, and as the age of the oldest event it has not processed
/// (0 when it is at the head). Read from PostgreSQL every <c>Telemetry:SampleSeconds</c> (15), so
/// every replica reports the same whichever one runs the daemon; whether a position is stalled
/// is the <c>async-daemon</c> health check's call (<see cref="Health.DaemonProgressMonitor"/>),
/// reported by <see cref="HealthMetrics"/>. When the database cannot be read nothing is reported
/// rather than a stale figure (the database's own alert says why).
/// </summary>
public sealed class DaemonLagMetrics : BackgroundService
{
    private readonly IDocumentStore _store;
    private readonly TimeSpan _period;
    private readonly ILogger<DaemonLagMetrics> _logger;
    private readonly KeyValuePair<string, object?> _service;
    private volatile IReadOnlyList<ShardLag> _latest = [];

    public DaemonLagMetrics(IDocumentStore store, IMeterFactory meters, ServiceIdentity service, IConfiguration configuration, ILogger<DaemonLagMetrics> logger)
    {
        _store = store;
        _logger = logger;
        _period = TelemetryExtensions.SamplePeriod(configuration);
        _service = new(TelemetryTags.Service, service.Name);
        var meter = meters.Create(TelemetryExtensions.DaemonSource);
        meter.CreateObservableGauge("reintegration.daemon.lag",
            () => _latest.Select(s => new Measurement<long>(s.Events, _service, new(TelemetryTags.Shard, s.Shard))), unit: "{event}",
            description: "Committed events a projection or subscription (or the high-water mark) has not processed yet");
        meter.CreateObservableGauge("reintegration.daemon.lag.age",
            () => _latest.Select(s => new Measurement<double>(s.Seconds, _service, new(TelemetryTags.Shard, s.Shard))), unit: "s",
            description: "Age of the oldest committed event a projection or subscription has not processed yet; 0 at the head");
    }

    /// <summary>The latest reading, by shard ("HighWaterMark" among them).</summary>
    public IReadOnlyList<ShardLag> Latest => _latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first reading one period after start: not in the middle of the schema migration at start-up.
        using var timer = new PeriodicTimer(_period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                _latest = await ReadAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                _latest = [];
                _logger.LogDebug("Cannot read the daemon's progress for its lag ({Exception})", ex.GetType().Name);
            }
        }
    }

    public async Task<IReadOnlyList<ShardLag>> ReadAsync(CancellationToken cancellationToken)
    {
        var progress = (await _store.Advanced.AllProjectionProgress(token: cancellationToken)).ToDictionary(s => s.ShardName, s => s.Sequence);
        var shards = ((DocumentStore)_store).Options.Projections.AllShards().Select(s => s.Name.Identity)
            .Append(ShardState.HighWaterMark)
            .Distinct()
            .ToArray();
        var positions = shards.Select(s => progress.GetValueOrDefault(s)).ToArray();

        await using var connection = _store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var events = $"{((DocumentStore)_store).Options.Events.DatabaseSchemaName}.mt_events";
        // The head, and for each position the first event after it: seq_id is the primary key, so each is one index probe.
        command.CommandText = $"""
            select s.name, coalesce((select max(seq_id) from {events}), 0),
                   coalesce(extract(epoch from now() - (select e.timestamp from {events} e where e.seq_id > s.pos order by e.seq_id limit 1)), 0)::float8
            from unnest($1::text[], $2::bigint[]) as s(name, pos)
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = shards });
        command.Parameters.Add(new NpgsqlParameter { Value = positions });

        var lags = new List<ShardLag>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var shard = reader.GetString(0);
            var behind = Math.Max(0, reader.GetInt64(1) - progress.GetValueOrDefault(shard));
            lags.Add(new ShardLag(shard, behind, behind == 0 ? 0 : Math.Max(0, reader.GetDouble(2))));
        }

        return lags;
    }
}

/// <summary>A projection's or subscription's distance from the head of the event store.</summary>
public sealed record ShardLag(string Shard, long Events, double Seconds);
