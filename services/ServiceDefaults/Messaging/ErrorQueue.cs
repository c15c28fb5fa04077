using System.Diagnostics.Metrics;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// The service's <c>_error</c> queue, where messages it could not handle wait for a fix: how many
/// wait (a health detail and a metric, since each one is something missing from the figures), and
/// moving them back to the queue once fixed, with the broker's plain AMQP (no shovel or other
/// plugin, which the broker may not have). A moved message keeps its id and body, so the
/// consumer's idempotency still holds; the headers that said why it failed are dropped.
/// </summary>
public sealed class ErrorQueue : IAsyncDisposable
{
    private readonly RabbitMqAddress _address;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnection? _connection;
    private long _lastDepth;

    public ErrorQueue(RabbitMqAddress address, string queue, IMeterFactory meters)
    {
        _address = address;
        Queue = queue;
        Name = DeadLetters.ErrorQueueOf(queue);
        meters.Create(TelemetryExtensions.IngestionSource).CreateObservableGauge(
            "reintegration.messaging.error_queue.messages",
            () => new Measurement<long>(Interlocked.Read(ref _lastDepth), new KeyValuePair<string, object?>(TelemetryTags.Queue, Name)), unit: "{message}",
            description: "Messages waiting in the service's error queue, by error queue, as last counted");
    }

    /// <summary>The queue the service consumes.</summary>
    public string Queue { get; }

    public string Name { get; }

    /// <summary>How many messages wait; 0 when the queue does not exist yet (nothing ever failed).</summary>
    public async Task<long> DepthAsync(CancellationToken cancellationToken)
    {
        var depth = await CountAsync(await ConnectionAsync(cancellationToken), cancellationToken);
        Interlocked.Exchange(ref _lastDepth, depth);
        return depth;
    }

    /// <summary>
    /// Moves up to <paramref name="limit"/> of the messages waiting now back to <see cref="Queue"/>,
    /// one at a time, each acknowledged only after the broker confirmed its copy (a crash between
    /// the two leaves a duplicate, which the consumer skips, never a loss). Returns how many moved.
    /// </summary>
    public async Task<int> RedriveAsync(int limit, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        var waiting = await CountAsync(connection, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);

        var moved = 0;
        // Only what waited when asked: a message that fails again at once is not moved round and round.
        while (moved < Math.Min(limit, waiting))
        {
            var message = await channel.BasicGetAsync(Name, autoAck: false, cancellationToken);
            if (message is null) break;

            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(h => !IsFailureHeader(h.Key))
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            await channel.BasicPublishAsync(exchange: "", routingKey: Queue, mandatory: true, basicProperties: properties, body: message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        Interlocked.Exchange(ref _lastDepth, Math.Max(0, waiting - moved));
        return moved;
    }

    /// <summary>One connection for the probes and redrives of this service, made again when the broker dropped it.</summary>
    private async Task<IConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null) await _connection.DisposeAsync();
                _connection = await _address.ConnectionFactory("reintegration-error-queue").CreateConnectionAsync(cancellationToken);
            }

            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connecting.Dispose();
    }

    private static bool IsFailureHeader(string name) =>
        name.StartsWith("MT-Fault-", StringComparison.Ordinal) || name is "MT-Reason" or DeadLetters.ReasonHeader;

    private async Task<long> CountAsync(IConnection connection, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(Name, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}
