using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using Reintegration.Contracts;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// Declares, before anything is published, the queues and bindings that the consumers of the
/// whole system need (<see cref="Subscriptions.ByQueue"/>), exactly as MassTransit itself declares
/// them: a fanout exchange per message type bound to a fanout exchange named after the queue,
/// bound to the queue. RabbitMQ drops what is published to an exchange with no queue behind it,
/// so without this a service that publishes before Reporting ever ran would lose those events.
/// Each queue's <c>_error</c> queue too, as MassTransit's error transport declares it, so that
/// <see cref="DeadLetters"/> sends to its exchange without declaring a queue of the wrong type.
/// Queues are of <see cref="QueueType"/>. Declarations are idempotent; a broker that is down is
/// retried until it answers.
/// </summary>
public sealed class SubscriberTopology(RabbitMqAddress address, QueueType queueType, ILogger<SubscriberTopology> logger) : BackgroundService
{
    private readonly TaskCompletionSource _declared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every queue and binding exists on the broker.</summary>
    public Task Declared => _declared.Task;

    /// <summary>MassTransit's RabbitMQ entity name for a message type.</summary>
    public static string ExchangeFor(Type messageType) => $"{messageType.Namespace}:{messageType.Name}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeclareAsync(stoppingToken);
                _declared.TrySetResult();
                logger.LogInformation("Subscriber topology declared for queues {Queues}", string.Join(", ", Subscriptions.ByQueue.Keys));
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Cannot declare the subscriber topology yet; retrying in {Delay}", delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task DeclareAsync(CancellationToken cancellationToken)
    {
        await using var connection = await address.ConnectionFactory("reintegration-topology").CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);

        foreach (var (queue, messageTypes) in Subscriptions.ByQueue)
        {
            foreach (var declared in new[] { queue, DeadLetters.ErrorQueueOf(queue) })
            {
                await channel.ExchangeDeclareAsync(declared, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                await channel.QueueDeclareAsync(declared, durable: true, exclusive: false, autoDelete: false, arguments: queueType.Arguments, cancellationToken: cancellationToken);
                await channel.QueueBindAsync(declared, declared, routingKey: "", cancellationToken: cancellationToken);
            }

            foreach (var messageType in messageTypes)
            {
                var exchange = ExchangeFor(messageType);
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                await channel.ExchangeBindAsync(destination: queue, source: exchange, routingKey: "", cancellationToken: cancellationToken);
            }
        }
    }
}
