using MassTransit;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// Sets one event of a batch aside in its queue's <c>_error</c> queue, with the reason, so the
/// rest of the batch goes on at once: as a message of its own holding only that event, with the
/// event's id as its message id, so that an operator sees which event it is, and a redrive after a
/// fix is still recognised if it was, after all, handled before.
/// </summary>
public static class DeadLetters
{
    /// <summary>Why the message was set aside, on the dead letter (also as MassTransit's own <c>MT-Fault-Message</c>).</summary>
    public const string ReasonHeader = "reintegration-dead-letter-reason";

    public static string ErrorQueueOf(string queue) => queue + "_error";

    public static async Task SendAsync<TMessage>(ConsumeContext batch, ConsumeContext carrier, TMessage message, Guid? messageId, string reason)
        where TMessage : class
    {
        var queue = batch.ReceiveContext.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
        // To the error queue's exchange, which SubscriberTopology declared and bound: a "queue:"
        // address would declare the queue as classic, which RabbitMQ refuses for a quorum queue.
        // Mandatory: were the binding missing, the send fails (and the batch is retried) rather
        // than the message vanishing.
        var endpoint = await batch.GetSendEndpoint(new Uri($"exchange:{ErrorQueueOf(queue)}"));
        await endpoint.Send(message, send =>
        {
            if (send.TryGetPayload(out RabbitMqSendContext? rabbit)) rabbit.Mandatory = true;
            send.MessageId = messageId;
            send.CorrelationId = carrier.CorrelationId;
            send.Headers.Set(ReasonHeader, reason);
            send.Headers.Set(MessageHeaders.FaultMessage, reason);
            send.Headers.Set(MessageHeaders.Reason, "dead-letter");
        }, batch.CancellationToken);
    }
}
