using JasperFx.Events;
using MassTransit;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.ServiceDefaults.Telemetry;

namespace Reintegration.UnitTests.Messaging;

/// <summary>A daemon page becomes one broker message per integration event type, in commit order, each event with what consumers need of it.</summary>
public sealed class IntegrationPagesTests
{
    /// <summary>Contract records pass as they are; anything else stays inside the service.</summary>
    private sealed class PassContracts : IIntegrationEventMap
    {
        public object? ToIntegrationEvent(IEvent committed) => committed.Data.GetType().Namespace == typeof(ReturneeErased).Namespace ? committed.Data : null;
    }

    private static long _sequence;

    private static IEvent Committed(object data, string? traceparent = null)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(JasperFx.Events.Event<>).MakeGenericType(data.GetType()), data)!;
        e.Id = Guid.NewGuid();
        e.Sequence = Interlocked.Increment(ref _sequence);
        e.Timestamp = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero).AddSeconds(e.Sequence);
        if (traceparent is not null) e.SetHeader(TraceContext.ParentHeader, traceparent);
        return e;
    }

    private static ReturneeErased Erased() => new(Guid.NewGuid(), DateTimeOffset.UtcNow);

    private static ReturneeCaseReopened Reopened() => new(Guid.NewGuid(), DateTimeOffset.UtcNow);

    [Fact]
    public void Given_two_types_interleaved_and_an_internal_event_when_paged_then_one_message_per_type_each_in_commit_order()
    {
        var page = new[] { Committed(Erased()), Committed(Reopened()), Committed("internal"), Committed(Erased()), Committed(Reopened()), Committed(Erased()) };

        var messages = IntegrationPages.Of(page, new PassContracts());

        Assert.Equal([typeof(ReturneeErased), typeof(ReturneeCaseReopened)], messages.Select(m => m.EventType));
        var erased = Assert.IsType<IntegrationEvents<ReturneeErased>>(messages[0].Body);
        Assert.Equal([page[0].Id, page[3].Id, page[5].Id], erased.Events.Select(e => e.Id));
        Assert.Equal([page[0].Data, page[3].Data, page[5].Data], erased.Events.Select(e => e.Message));
        Assert.Equal([page[0], page[3], page[5]], messages[0].Committed);
        var reopened = Assert.IsType<IntegrationEvents<ReturneeCaseReopened>>(messages[1].Body);
        Assert.Equal([page[1].Id, page[4].Id], reopened.Events.Select(e => e.Id));
    }

    [Fact]
    public void Given_an_event_when_paged_then_it_carries_its_sequence_commit_time_and_trace_context()
    {
        const string traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var stamped = Committed(Erased(), traceparent);
        var unstamped = Committed(Erased());

        var events = Assert.IsType<IntegrationEvents<ReturneeErased>>(Assert.Single(IntegrationPages.Of([stamped, unstamped], new PassContracts())).Body).Events;

        Assert.Equal((stamped.Sequence, stamped.Timestamp, traceparent), (events[0].Sequence, events[0].CommittedAt, events[0].TraceParent));
        Assert.Equal((unstamped.Sequence, unstamped.Timestamp, (string?)null), (events[1].Sequence, events[1].CommittedAt, events[1].TraceParent));
    }

    [Fact]
    public void Given_more_events_of_a_type_than_a_message_holds_when_paged_then_they_are_split_in_order()
    {
        var page = Enumerable.Range(0, 250).Select(_ => Committed(Erased())).ToList();

        var messages = IntegrationPages.Of(page, new PassContracts(), maxEvents: 100);

        Assert.Equal([100, 100, 50], messages.Select(m => ((IntegrationEvents<ReturneeErased>)m.Body).Events.Count));
        Assert.Equal(page.Select(e => e.Id), messages.SelectMany(m => ((IntegrationEvents<ReturneeErased>)m.Body).Events).Select(e => e.Id));
    }

    [Fact]
    public void Given_a_page_of_internal_events_only_when_paged_then_nothing_is_published()
    {
        Assert.Empty(IntegrationPages.Of([Committed("internal"), Committed(42)], new PassContracts()));
    }

    private sealed class MassTransitNames : IEntityNameFormatter
    {
        public string FormatEntityName<T>() => "masstransit:" + typeof(T).Name;
    }

    [Fact]
    public void Given_a_message_of_integration_events_when_its_exchange_is_named_then_it_is_its_event_types_and_any_other_keeps_MassTransits()
    {
        var names = new IntegrationEntityNames(new MassTransitNames());

        Assert.Equal("Reintegration.Contracts:ReturneeRegistered", names.FormatEntityName<IntegrationEvents<ReturneeRegistered>>());
        Assert.Equal(SubscriberTopology.ExchangeFor(typeof(ReturneeErased)), names.FormatEntityName<IntegrationEvents<ReturneeErased>>());
        Assert.Equal("masstransit:ReturneeErased", names.FormatEntityName<ReturneeErased>());
    }
}
