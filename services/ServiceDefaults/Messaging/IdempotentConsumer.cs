using JasperFx;
using Marten;
using MassTransit;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose effects and the record of having handled the message commit together, so a
/// redelivered message changes nothing. Subclasses stage their effects on the session and do not
/// save it themselves.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(IDocumentSession session, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var key = HandledMessage.KeyFor(GetType(), messageId);

        if (await session.LoadAsync<HandledMessage>(key, context.CancellationToken) is not null) return;

        await StageAsync(context.Message, session, context.CancellationToken);
        session.Insert(new HandledMessage(key, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (DocumentAlreadyExistsException ex) when (ex.DocType == typeof(HandledMessage))
        {
            // Another replica handled the same delivery at the same moment and committed first;
            // nothing of ours was stored.
        }
    }

    protected abstract Task StageAsync(TMessage message, IDocumentSession session, CancellationToken cancellationToken);
}
