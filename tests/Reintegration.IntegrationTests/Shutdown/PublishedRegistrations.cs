using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Reintegration.Contracts;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.IntegrationTests.Shutdown;

/// <summary>
/// A queue of the test's own, bound to the ReturneeRegistered exchange in the backend's vhost
/// before Intake starts: every registration Intake publishes reaches it, and it collects the
/// returnee ids (a page published again after a restart repeats some; a set keeps them once).
/// </summary>
public sealed class PublishedRegistrations : IAsyncDisposable
{
    private const string Queue = "shutdown-test-published-registrations";
    private readonly ConcurrentDictionary<Guid, byte> _returnees = new();
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private PublishedRegistrations(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public IReadOnlyCollection<Guid> Returnees => (IReadOnlyCollection<Guid>)_returnees.Keys;

    public static async Task<PublishedRegistrations> BindAsync(IsolatedBackend backend)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(backend.RabbitMq), ClientProvidedName = "shutdown-test" }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var exchange = SubscriberTopology.ExchangeFor(typeof(ReturneeRegistered));
        // As SubscriberTopology declares it: the same arguments, or one of the two declarations is refused.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(Queue, exchange, routingKey: "");

        var observer = new PublishedRegistrations(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            // MassTransit's envelope around a page's events: {"message": {"events": [{"message": {"returneeId": …, …}, …}, …]}, …}
            using var envelope = JsonDocument.Parse(delivery.Body);
            foreach (var e in envelope.RootElement.GetProperty("message").GetProperty("events").EnumerateArray())
                observer._returnees.TryAdd(e.GetProperty("message").GetProperty("returneeId").GetGuid(), 0);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync(Queue, autoAck: false, consumer);
        return observer;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
