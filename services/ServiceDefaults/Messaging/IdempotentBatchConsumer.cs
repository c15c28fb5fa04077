using System.Diagnostics;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// Consumes messages in batches (up to <see cref="MessagingExtensions.BatchSize"/>), committing a
/// batch's effects and the record of every message it handled (<see cref="HandledMessage"/>) in
/// one transaction: one commit per message is about thirty times slower here. A redelivered
/// message is found among the handled and skipped.
/// <para>
/// A message that breaks its contract (<see cref="IntegrationContract"/>) or has no message id is
/// set aside in the error queue before anything is stored, alone. A batch that fails for a reason
/// that passes (the database away, a lost race) is retried whole by MassTransit; one that fails
/// for any other reason is split, each message handled alone, and only a message that fails alone
/// is set aside: one bad message never holds back, or takes down, the good ones beside it.
/// </para>
/// <para>
/// A batch is a span linked to the trace of each message in it (the child of it when there is
/// one), and the events it appends carry that span, so Reporting's projections continue it. The
/// batch's size and each committed message's lag from its upstream event are measured.
/// </para>
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage>(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : IConsumer<Batch<TMessage>>
    where TMessage : class
{
    /// <summary>The clock the handled-message records are stamped with, for what a consumer stages itself.</summary>
    protected TimeProvider Clock => clock;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var services = context.GetPayload<IServiceProvider>();
        var logger = services.GetService<ILogger<IdempotentBatchConsumer<TMessage>>>();
        var telemetry = services.GetService<MessagingTelemetry>();
        var queue = QueueOf(context);
        telemetry?.RecordBatch(queue, typeof(TMessage).Name, context.Message.Length);
        using var activity = TraceContext.StartFollowing(MessagingTelemetry.Source, $"handle {typeof(TMessage).Name} batch", ActivityKind.Internal,
            context.Message.Select(m => TraceContext.Parse(m.Headers.Get<string>(MassTransitActivityHeader))));
        activity?.SetTag(TelemetryTags.EventType, typeof(TMessage).Name);
        activity?.SetTag(TelemetryTags.Queue, queue);
        activity?.SetTag("reintegration.batch.size", context.Message.Length);
        var deliveries = new List<(string Key, ConsumeContext<TMessage> Context)>();
        foreach (var delivery in context.Message)
        {
            var reason = delivery.MessageId is null
                ? "it has no message id, so a redelivery could not be told from a new message"
                : IntegrationContract.Violations(delivery.Message) is { Count: > 0 } violations
                    ? "it breaks its contract: " + string.Join("; ", violations)
                    : null;
            if (reason is null) deliveries.Add((HandledMessage.KeyFor(GetType(), delivery.MessageId!.Value), delivery));
            else await SetAsideAsync(context, delivery, reason, logger);
        }

        deliveries = deliveries.DistinctBy(d => d.Key).ToList();
        using var _ = await gate.EnterAsync(context.CancellationToken);
        try
        {
            await HandleAsync(deliveries, queue, telemetry, context.CancellationToken);
        }
        catch (Exception ex) when (!TransientFailures.Is(ex) && ex is not OperationCanceledException)
        {
            if (deliveries.Count == 1)
            {
                await SetAsideAsync(context, deliveries[0].Context, Failure(ex), logger);
                return;
            }

            logger?.LogWarning("A batch of {Count} {MessageType} failed ({Exception}); handling each alone", deliveries.Count, typeof(TMessage).Name, ex.GetType().Name);
            foreach (var one in deliveries)
            {
                session.EjectAllPendingChanges();
                try
                {
                    await HandleAsync([one], queue, telemetry, context.CancellationToken);
                }
                catch (Exception alone) when (!TransientFailures.Is(alone) && alone is not OperationCanceledException)
                {
                    await SetAsideAsync(context, one.Context, Failure(alone), logger);
                }
            }
        }
    }

    private async Task HandleAsync(
        IReadOnlyList<(string Key, ConsumeContext<TMessage> Context)> deliveries, string queue, MessagingTelemetry? telemetry, CancellationToken cancellationToken)
    {
        var handled = (await session.LoadManyAsync<HandledMessage>(cancellationToken, deliveries.Select(d => d.Key).ToArray()))
            .Select(h => h.Id)
            .ToHashSet();
        var fresh = deliveries.Where(d => !handled.Contains(d.Key)).ToList();
        if (fresh.Count == 0) return;

        TraceContext.Stamp(session);
        await StageAsync(fresh.Select(d => d.Context.Message).ToList(), session, cancellationToken);
        var now = clock.GetUtcNow();
        session.InsertAll(fresh.Select(d => new HandledMessage(d.Key, now)).ToList(), h => h.Id);
        await session.SaveChangesAsync(cancellationToken);

        if (telemetry is null) return;
        // Wall time, like the upstream commit's timestamp (a test's manual clock would not compare).
        var committed = TimeProvider.System.GetUtcNow();
        foreach (var delivery in fresh)
            if (MessagingTelemetry.ParseTimestamp(delivery.Context.Headers.Get<string>(MessagingTelemetry.EventTimestampHeader)) is { } at)
                telemetry.RecordCommitted(queue, typeof(TMessage).Name, at, committed);
    }

    /// <summary>Where MassTransit carries the W3C trace context of the span that sent a message.</summary>
    private const string MassTransitActivityHeader = "MT-Activity-Id";

    /// <summary>The queue the batch came from: the last segment of the endpoint's address (a name of the code's, never data).</summary>
    private static string QueueOf(ConsumeContext context) =>
        context.ReceiveContext.InputAddress is { } address ? address.Segments[^1].Trim('/') : "unknown";

    private static async Task SetAsideAsync(ConsumeContext batch, ConsumeContext<TMessage> delivery, string reason, ILogger? logger)
    {
        logger?.LogWarning("Set aside {MessageType} {MessageId} in the error queue: {Reason}", typeof(TMessage).Name, delivery.MessageId, reason);
        await DeadLetters.SendAsync(batch, delivery, reason);
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
