using Marten;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Training.Participants;

// What Training learns from Intake, one consumer per message type (MassTransit consumes by type),
// on the shared LearnedFactsConsumer. Registrations are not needed: an unregistered participant
// is accepted.

/// <summary>Consent changes: only a withdrawal of data processing matters here.</summary>
public sealed class ReturneeConsentChangedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : LearnedFactsConsumer<ReturneeConsentChanged, KnownReturnee>(session, gate, clock)
{
    protected override Guid ReturneeOf(ReturneeConsentChanged message) => message.ReturneeId;

    protected override object? Note(ReturneeConsentChanged m, KnownReturnee? known) =>
        m.DataProcessing || known?.ErasedAt <= m.ChangedAt ? null : new ErasureNoted(m.ReturneeId, m.ChangedAt);
}

/// <summary>Case closures (without their reason: Training needs only when).</summary>
public sealed class ReturneeCaseClosedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : LearnedFactsConsumer<ReturneeCaseClosed, KnownReturnee>(session, gate, clock)
{
    protected override Guid ReturneeOf(ReturneeCaseClosed message) => message.ReturneeId;

    protected override object? Note(ReturneeCaseClosed m, KnownReturnee? known) =>
        known?.Closures.Contains(m.ClosedAt) == true ? null : new ClosureNoted(m.ReturneeId, m.ClosedAt);
}

/// <summary>Case reopenings.</summary>
public sealed class ReturneeCaseReopenedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : LearnedFactsConsumer<ReturneeCaseReopened, KnownReturnee>(session, gate, clock)
{
    protected override Guid ReturneeOf(ReturneeCaseReopened message) => message.ReturneeId;

    protected override object? Note(ReturneeCaseReopened m, KnownReturnee? known) =>
        known?.Reopenings.Contains(m.ReopenedAt) == true ? null : new ReopeningNoted(m.ReturneeId, m.ReopenedAt);
}

/// <summary>Erasures: from then on the returnee is recorded in no workshop or awareness event.</summary>
public sealed class ReturneeErasedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : LearnedFactsConsumer<ReturneeErased, KnownReturnee>(session, gate, clock)
{
    protected override Guid ReturneeOf(ReturneeErased message) => message.ReturneeId;

    protected override object? Note(ReturneeErased m, KnownReturnee? known) =>
        known?.ErasedAt <= m.ErasedAt ? null : new ErasureNoted(m.ReturneeId, m.ErasedAt);
}
