using System.Diagnostics;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// Consumes the integration events of <typeparamref name="TMessage"/>, in batches of broker
/// messages (<see cref="IntegrationEvents{T}"/>, each a publisher's page), committing the effects
/// of up to <see cref="MessagingExtensions.BatchSize"/> events and the record of every event it
/// handled (<see cref="HandledMessage"/>, by the publisher's event id) in one transaction: one
/// commit per event is about thirty times slower here. A redelivered event, whichever message
/// carries it, is found among the handled and skipped.
/// <para>
/// An event that breaks its contract (<see cref="IntegrationContract"/>) or has no id is set aside
/// in the error queue before anything is stored, alone; a message that is not a list of events at
/// all, whole. A batch that fails for a reason that passes (the database away, a lost race) is
/// retried whole by MassTransit (what it committed before is skipped then); one that fails for any
/// other reason is split, each event handled alone, and only an event that fails alone is set
/// aside: one bad event never holds back, or takes down, the good ones beside it.
/// </para>
/// <para>
/// A batch is a span linked to the trace of each message in it (the child of it when there is
/// one), and the events it appends carry that span, so Reporting's projections continue it. The
/// batch's size and each committed event's lag from its upstream commit are measured.
/// </para>
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage>(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IConsumer<Batch<IntegrationEvents<TMessage>>>
    where TMessage : class
{
    /// <summary>The clock the handled-message records are stamped with, for what a consumer stages itself.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>An event to handle, with the broker message that carried it (where a set-aside copies its ids from).</summary>
    private sealed record Delivery(string Key, IntegrationEvent<TMessage> Event, ConsumeContext<IntegrationEvents<TMessage>> Carrier);

    public async Task Consume(ConsumeContext<Batch<IntegrationEvents<TMessage>>> context)
    {
        var services = context.GetPayload<IServiceProvider>();
        var logger = services.GetService<ILogger<IdempotentBatchConsumer<TMessage>>>();
        var telemetry = services.GetService<MessagingTelemetry>();
        var queue = QueueOf(context);
        using var activity = TraceContext.StartFollowing(MessagingTelemetry.Source, $"handle {typeof(TMessage).Name} batch", ActivityKind.Internal,
            context.Message.Select(m => TraceContext.Parse(m.Headers.Get<string>(MassTransitActivityHeader))));
        activity?.SetTag(TelemetryTags.EventType, typeof(TMessage).Name);
        activity?.SetTag(TelemetryTags.Queue, queue);
        var deliveries = new List<Delivery>();
        foreach (var carrier in context.Message)
        {
            if (NotAList(carrier.Message) is { } malformed)
            {
                await SetAsideAsync(context, carrier, carrier.Message, carrier.MessageId, malformed, logger);
                continue;
            }

            foreach (var e in carrier.Message.Events)
            {
                var reason = e.Id == Guid.Empty
                    ? "it has no event id, so a redelivery could not be told from a new event"
                    : e.Message is null
                        ? "it carries no message"
                        : IntegrationContract.Violations(e.Message) is { Count: > 0 } violations
                            ? "it breaks its contract: " + string.Join("; ", violations)
                            : null;
                if (reason is null) deliveries.Add(new Delivery(HandledMessage.KeyFor(GetType(), e.Id), e, carrier));
                else await SetAsideAsync(context, carrier, new IntegrationEvents<TMessage>([e]), e.Id, reason, logger);
            }
        }

        deliveries = deliveries.DistinctBy(d => d.Key).ToList();
        activity?.SetTag("reintegration.batch.size", deliveries.Count);
        telemetry?.RecordBatch(queue, typeof(TMessage).Name, deliveries.Count);
        using var _ = await gate.EnterAsync(context.CancellationToken);
        foreach (var chunk in deliveries.Chunk(MessagingExtensions.BatchSize))
            await HandleOrSplitAsync(context, chunk, queue, telemetry, logger);
    }

    private async Task HandleOrSplitAsync(
        ConsumeContext batch, IReadOnlyList<Delivery> deliveries, string queue, MessagingTelemetry? telemetry, ILogger? logger)
    {
        try
        {
            await HandleAsync(deliveries, queue, telemetry, batch.CancellationToken);
        }
        catch (Exception ex) when (!TransientFailures.Is(ex) && ex is not OperationCanceledException)
        {
            session.EjectAllPendingChanges();
            if (deliveries.Count == 1)
            {
                await SetAsideAsync(batch, deliveries[0], Failure(ex), logger);
                return;
            }

            logger?.LogWarning("A batch of {Count} {MessageType} failed ({Exception}); handling each alone", deliveries.Count, typeof(TMessage).Name, ex.GetType().Name);
            foreach (var one in deliveries)
            {
                try
                {
                    await HandleAsync([one], queue, telemetry, batch.CancellationToken);
                }
                catch (Exception alone) when (!TransientFailures.Is(alone) && alone is not OperationCanceledException)
                {
                    session.EjectAllPendingChanges();
                    await SetAsideAsync(batch, one, Failure(alone), logger);
                }
            }
        }
    }

    private async Task HandleAsync(IReadOnlyList<Delivery> deliveries, string queue, MessagingTelemetry? telemetry, CancellationToken cancellationToken)
    {
        var handled = (await session.LoadManyAsync<HandledMessage>(cancellationToken, deliveries.Select(d => d.Key).ToArray()))
            .Select(h => h.Id)
            .ToHashSet();
        var fresh = deliveries.Where(d => !handled.Contains(d.Key)).ToList();
        if (fresh.Count == 0) return;

        TraceContext.Stamp(session);
        await StageAsync(fresh.Select(d => d.Event.Message).ToList(), session, cancellationToken);
        var now = clock.GetUtcNow();
        session.InsertAll(fresh.Select(d => new HandledMessage(d.Key, now)).ToList(), h => h.Id);
        await session.SaveChangesAsync(cancellationToken);

        if (telemetry is null) return;
        // Wall time, like the upstream commit's timestamp (a test's manual clock would not compare).
        var committed = TimeProvider.System.GetUtcNow();
        foreach (var delivery in fresh)
            telemetry.RecordCommitted(queue, typeof(TMessage).Name, delivery.Event.CommittedAt, committed);
    }

    /// <summary>Why a broker message is not a list of events at all (a hand-made or broken one), or null.</summary>
    private static string? NotAList(IntegrationEvents<TMessage> message)
    {
        if (message.Events is null) return "it is not a list of events: Events is missing";
        for (var i = 0; i < message.Events.Count; i++)
            if (message.Events[i] is null) return $"it is not a list of events: Events[{i}] is missing";
        return null;
    }

    /// <summary>Where MassTransit carries the W3C trace context of the span that sent a message.</summary>
    private const string MassTransitActivityHeader = "MT-Activity-Id";

    /// <summary>The queue the batch came from: the last segment of the endpoint's address (a name of the code's, never data).</summary>
    private static string QueueOf(ConsumeContext context) =>
        context.ReceiveContext.InputAddress is { } address ? address.Segments[^1].Trim('/') : "unknown";

    private static Task SetAsideAsync(ConsumeContext batch, Delivery delivery, string reason, ILogger? logger) =>
        SetAsideAsync(batch, delivery.Carrier, new IntegrationEvents<TMessage>([delivery.Event]), delivery.Event.Id, reason, logger);

    private static async Task SetAsideAsync(
        ConsumeContext batch, ConsumeContext carrier, IntegrationEvents<TMessage> message, Guid? id, string reason, ILogger? logger)
    {
        logger?.LogWarning("Set aside {MessageType} {MessageId} in the error queue: {Reason}", typeof(TMessage).Name, id, reason);
        await DeadLetters.SendAsync(batch, carrier, message, id, reason);
    }

    // The exception's type and first line only: a reason travels with the dead letter and into logs.
    private static string Failure(Exception ex)
    {
        var firstLine = ex.Message.Split('\n')[0];
        return $"handling it failed alone: {ex.GetType().Name}: {firstLine[..Math.Min(200, firstLine.Length)]}";
    }

    /// <summary>Stage the effects of these messages, in delivery order, on the session; do not save it.</summary>
    protected abstract Task StageAsync(IReadOnlyList<TMessage> messages, IDocumentSession session, CancellationToken cancellationToken);
}
