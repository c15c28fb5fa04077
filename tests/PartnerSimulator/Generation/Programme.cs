using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// A generated programme: the facts (to compute expected indicators from) and the CloudEvents
/// that report them (to post). Facts and events say the same thing; each fact's EventId names its event.
/// </summary>
public sealed class Programme
{
    internal Programme(
        SimulationOptions options,
        IReadOnlyList<ReturneeFact> returnees,
        IReadOnlyList<SessionFact> sessions,
        IReadOnlyList<AwarenessEventFact> awarenessEvents)
    {
        Options = options;
        Returnees = returnees;
        Sessions = sessions;
        AwarenessEvents = awarenessEvents;
        RegistrationEvents = [.. returnees.Select(CloudEventFactory.Registration)];
        SessionEvents = [.. sessions.Select(CloudEventFactory.Session)];
        AwarenessEventEvents = [.. awarenessEvents.Select(CloudEventFactory.AwarenessEvent)];
        Events = [.. RegistrationEvents, .. SessionEvents, .. AwarenessEventEvents];
        _returneesById = returnees.ToDictionary(r => r.Id);
    }

    private readonly Dictionary<Guid, ReturneeFact> _returneesById;

    public SimulationOptions Options { get; }

    /// <summary>Returnees in number order.</summary>
    public IReadOnlyList<ReturneeFact> Returnees { get; }

    /// <summary>Counselling sessions, grouped by returnee, each returnee's in time order.</summary>
    public IReadOnlyList<SessionFact> Sessions { get; }

    public IReadOnlyList<AwarenessEventFact> AwarenessEvents { get; }

    /// <summary><c>reintegration.intake.returnee-registered.v1</c>, one per returnee, same order.</summary>
    public IReadOnlyList<PartnerEvent> RegistrationEvents { get; }

    /// <summary><c>reintegration.counselling.session-held.v1</c>, one per session, same order.</summary>
    public IReadOnlyList<PartnerEvent> SessionEvents { get; }

    /// <summary><c>reintegration.training.awareness-event-held.v1</c>, one per awareness event, same order.</summary>
    public IReadOnlyList<PartnerEvent> AwarenessEventEvents { get; }

    /// <summary>Every distinct event: registrations, then sessions, then awareness events.</summary>
    public IReadOnlyList<PartnerEvent> Events { get; }

    public ReturneeFact Returnee(Guid id) => _returneesById[id];

    /// <summary>The order a partner would post this programme in; see <see cref="PostingPlan"/>.</summary>
    public PostingPlan Batches(int batchSize = PostingPlan.MaxBatchSize) => PostingPlan.Create(this, batchSize);
}
