using Marten;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Reporting.Journeys;

/// <summary>
/// Appends what each message tells to the returnee's journey stream, whatever arrived before it
/// (a session may come before the registration, a reopening before its closure): the journey
/// folds by time. One consumer per message type, as MassTransit consumes by type.
/// </summary>
public abstract class JourneyConsumer<TMessage>(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : ReportingLogConsumer<TMessage>(session, gate, clock)
    where TMessage : class
{
    /// <summary>The returnee whose journey the message joins, and Reporting's record of it.</summary>
    protected abstract (Guid Returnee, object Reported) Report(TMessage message);

    protected sealed override void Report(TMessage message, LogAppends log)
    {
        var (returnee, reported) = Report(message);
        log.Add(returnee, reported);
    }
}

public sealed class ReturneeRegisteredConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<ReturneeRegistered>(session, gate, clock)
{
    protected override (Guid, object) Report(ReturneeRegistered m) =>
        (m.ReturneeId, new RegistrationReported(m.ReturneeId, m.RegisteredAt, m.Sex, m.AgeGroup, m.Region, m.ReturnedFrom, m.ReturnType, m.ArrivalDate));
}

public sealed class CounsellingSessionHeldConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<CounsellingSessionHeld>(session, gate, clock)
{
    protected override (Guid, object) Report(CounsellingSessionHeld m) =>
        (m.ReturneeId, new CounsellingSessionReported(m.ReturneeId, m.SessionId, m.HeldAt, m.Format, m.Modality, m.Intervention, m.DurationMinutes));
}

public sealed class ReturneeConsentChangedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<ReturneeConsentChanged>(session, gate, clock)
{
    protected override (Guid, object) Report(ReturneeConsentChanged m) =>
        (m.ReturneeId, new ConsentChangeReported(m.ReturneeId, m.ChangedAt, m.DataProcessing, m.Counselling, m.FollowUpContact));
}

public sealed class ReturneeScreenedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<ReturneeScreened>(session, gate, clock)
{
    protected override (Guid, object) Report(ReturneeScreened m) =>
        (m.ReturneeId, new ScreeningReported(m.ReturneeId, m.ScreenedAt, [.. m.Vulnerabilities], m.UrgentCareNeeded));
}

public sealed class ReintegrationPlanAgreedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<ReintegrationPlanAgreed>(session, gate, clock)
{
    protected override (Guid, object) Report(ReintegrationPlanAgreed m) => (m.ReturneeId, new PlanAgreedReported(m.ReturneeId, m.AgreedAt, [.. m.Dimensions]));
}

public sealed class SustainabilitySurveyRecordedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<SustainabilitySurveyRecorded>(session, gate, clock)
{
    protected override (Guid, object) Report(SustainabilitySurveyRecorded m) =>
        (m.ReturneeId, new SurveyReported(m.ReturneeId, m.RecordedAt, m.Economic, m.Social, m.Psychosocial, m.Composite));
}

public sealed class ReturneeCaseClosedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<ReturneeCaseClosed>(session, gate, clock)
{
    protected override (Guid, object) Report(ReturneeCaseClosed m) => (m.ReturneeId, new CaseClosedReported(m.ReturneeId, m.ClosedAt, m.Reason));
}

public sealed class ReturneeCaseReopenedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<ReturneeCaseReopened>(session, gate, clock)
{
    protected override (Guid, object) Report(ReturneeCaseReopened m) => (m.ReturneeId, new CaseReopenedReported(m.ReturneeId, m.ReopenedAt));
}

public sealed class ReturneeErasedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : JourneyConsumer<ReturneeErased>(session, gate, clock)
{
    protected override (Guid, object) Report(ReturneeErased m) => (m.ReturneeId, new ErasureReported(m.ReturneeId, m.ErasedAt));
}
