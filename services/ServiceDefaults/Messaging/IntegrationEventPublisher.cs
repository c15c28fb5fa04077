using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// The event store is the outbox: the async daemon hands this subscription committed events in
/// order, it publishes their integration events, and Marten records the position in the same
/// database only after the page succeeded. The message id is the Marten event id, so consumers
/// can drop the duplicates a re-run page produces. Each publish is a span continuing the trace
/// the event was appended in (its metadata), so MassTransit carries that trace in the message's
/// headers, with the event's commit time for the consumers' lag.
/// </summary>
public sealed class IntegrationEventPublisher(
    IBus bus, IIntegrationEventMap map, SubscriberTopology topology, IConfiguration configuration) : SubscriptionBase
{
    public const string SubscriptionName = "integration-events";

    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(configuration.GetValue("Messaging:PublishTimeoutSeconds", 15.0));

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // A cancellation escaping a subscription is swallowed by the daemon and freezes it
        // silently, so a slow broker must surface as a TimeoutException: the daemon then pauses
        // the subscription and restarts it on the same page.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            await topology.Declared.WaitAsync(deadline.Token);
            await Task.WhenAll(page.Events
                .Select(e => (Committed: e, Message: map.ToIntegrationEvent(e)))
                .Where(x => x.Message is not null)
                .Select(x => PublishAsync(x.Committed, x.Message!, deadline.Token)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Publishing events {page.SequenceFloor}–{page.SequenceCeiling} did not complete within {_timeout.TotalSeconds:0}s; the broker may be down. The page will be retried.");
        }

        return NullChangeListener.Instance;
    }

    private async Task PublishAsync(IEvent committed, object message, CancellationToken cancellationToken)
    {
        using var activity = TraceContext.StartFollowing(MessagingTelemetry.Source, $"publish {message.GetType().Name}", ActivityKind.Internal, [TraceContext.Of(committed)]);
        activity?.SetTag(TelemetryTags.EventType, message.GetType().Name);
        activity?.SetTag("reintegration.event.sequence", committed.Sequence);
        await bus.Publish(message, message.GetType(), Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = committed.Id;
            context.Headers.Set("reintegration-event-sequence", committed.Sequence);
            context.Headers.Set(MessagingTelemetry.EventTimestampHeader, MessagingTelemetry.FormatTimestamp(committed.Timestamp));
        }), cancellationToken);
    }
}
