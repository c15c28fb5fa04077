using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Posting;

namespace Reintegration.PartnerSimulator.Generation;

/// <summary>
/// A generated programme: the facts (to compute expected indicators from) and the CloudEvents
/// that report them (to post). Facts and events say the same thing; each fact's EventId names its event.
/// </summary>
public sealed class Programme
{
    private readonly Dictionary<Guid, ReturneeFact> _returneesById;

    internal Programme(SimulationOptions options, ProgrammeFacts facts)
    {
        Options = options;
        Facts = facts;
        RegistrationEvents = [.. facts.Returnees.Select(CloudEventFactory.Registration)];
        SessionEvents = [.. facts.Sessions.Select(CloudEventFactory.Session)];
        AwarenessEventEvents = [.. facts.AwarenessEvents.Select(CloudEventFactory.AwarenessEvent)];
        Events =
        [
            .. RegistrationEvents,
            .. facts.ConsentUpdates.Select(CloudEventFactory.ConsentUpdate),
            .. facts.Screenings.Select(CloudEventFactory.Screening),
            .. facts.Plans.Select(CloudEventFactory.Plan),
            .. facts.Surveys.Select(CloudEventFactory.Survey),
            .. facts.Closures.Select(CloudEventFactory.Closure),
            .. facts.Reopenings.Select(CloudEventFactory.Reopening),
            .. SessionEvents,
            .. facts.GroupSessions.Select(CloudEventFactory.GroupSession),
            .. facts.Assessments.Select(CloudEventFactory.Assessment),
            .. facts.Referrals.Select(CloudEventFactory.Referral),
            .. facts.ReferralClosures.Select(CloudEventFactory.ReferralClosure),
            .. facts.Trainings.Select(CloudEventFactory.Training),
            .. facts.Certifications.Select(CloudEventFactory.Certification),
            .. AwarenessEventEvents,
            .. facts.Workshops.Select(CloudEventFactory.Workshop),
        ];
        _returneesById = facts.Returnees.ToDictionary(r => r.Id);
    }

    public SimulationOptions Options { get; }

    /// <summary>Everything that happened, as facts: what <see cref="ExpectedIndicators"/> counts.</summary>
    public ProgrammeFacts Facts { get; }

    /// <summary>Returnees in number order.</summary>
    public IReadOnlyList<ReturneeFact> Returnees => Facts.Returnees;

    /// <summary>Individual and family sessions: each returnee's in time order, then the follow-ups of risk flags.</summary>
    public IReadOnlyList<SessionFact> Sessions => Facts.Sessions;

    public IReadOnlyList<AwarenessEventFact> AwarenessEvents => Facts.AwarenessEvents;

    /// <summary><c>reintegration.intake.returnee-registered.v1</c>, one per returnee, same order.</summary>
    public IReadOnlyList<PartnerEvent> RegistrationEvents { get; }

    /// <summary><c>reintegration.counselling.session-held.v1</c>, one per session, same order.</summary>
    public IReadOnlyList<PartnerEvent> SessionEvents { get; }

    /// <summary><c>reintegration.training.awareness-event-held.v1</c>, one per awareness event, same order.</summary>
    public IReadOnlyList<PartnerEvent> AwarenessEventEvents { get; }

    /// <summary>Every distinct event, Intake's types first, then Counselling's, then Training's, each in the catalogue's order.</summary>
    public IReadOnlyList<PartnerEvent> Events { get; }

    public ReturneeFact Returnee(Guid id) => _returneesById[id];

    /// <summary>The order a partner would post this programme in; see <see cref="PostingPlan"/>.</summary>
    public PostingPlan Batches(int batchSize = PostingPlan.MaxBatchSize) => PostingPlan.Create(this, batchSize);
}
