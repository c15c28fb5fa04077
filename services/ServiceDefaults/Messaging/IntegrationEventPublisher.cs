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
/// order, it publishes their integration events, one broker message per page and type
/// (<see cref="IntegrationPages"/>), and Marten records the position in the same database only
/// after the page succeeded. Each event carries its Marten event id, so consumers can drop the
/// duplicates a re-run page produces, whichever message carries them again; and its commit time
/// and trace context. Each publish is a span continuing the trace of the events it carries (the
/// child of it when they come from one), so MassTransit carries that trace in the message's headers.
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
            await Task.WhenAll(IntegrationPages.Of(page.Events, map).Select(m => PublishAsync(m, deadline.Token)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Publishing events {page.SequenceFloor}–{page.SequenceCeiling} did not complete within {_timeout.TotalSeconds:0}s; the broker may be down. The page will be retried.");
        }

        return NullChangeListener.Instance;
    }

    private async Task PublishAsync(PageMessage message, CancellationToken cancellationToken)
    {
        using var activity = TraceContext.StartFollowing(MessagingTelemetry.Source, $"publish {message.EventType.Name}", ActivityKind.Internal, message.Committed.Select(TraceContext.Of));
        activity?.SetTag(TelemetryTags.EventType, message.EventType.Name);
        activity?.SetTag("reintegration.events", message.Committed.Count);
        activity?.SetTag("reintegration.event.sequence", message.Committed[0].Sequence);
        await bus.Publish(message.Body, message.Body.GetType(), cancellationToken);
    }
}
