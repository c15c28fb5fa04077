using Marten;
using Reintegration.Contracts;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Counselling.Clients;

// What Counselling learns from Intake, one consumer per message type (MassTransit consumes by
// type); what they share is in LearnedFactsConsumer.

/// <summary>Registrations, so that a refusal of counselling is respected from then on. The first one learned stands.</summary>
public sealed class ReturneeRegisteredConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : LearnedFactsConsumer<ReturneeRegistered>(session, gate, clock)
{
    protected override Guid ReturneeOf(ReturneeRegistered message) => message.ReturneeId;

    protected override object? Note(ReturneeRegistered m, CounsellingClient? known) =>
        known?.RegistrationKnown == true ? null : new RegistrationNoted(m.ReturneeId, m.RegisteredAt, m.CounsellingConsent, m.Region);
}

/// <summary>Consent changes: counselling consent given or withdrawn, data processing withdrawn.</summary>
public sealed class ReturneeConsentChangedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : LearnedFactsConsumer<ReturneeConsentChanged>(session, gate, clock)
{
    protected override Guid ReturneeOf(ReturneeConsentChanged message) => message.ReturneeId;

    protected override object Note(ReturneeConsentChanged m, CounsellingClient? known) =>
        new ConsentNoted(m.ReturneeId, m.ChangedAt, m.DataProcessing, m.Counselling);
}

/// <summary>Case closures (without their reason: Counselling needs only when).</summary>
public sealed class ReturneeCaseClosedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : LearnedFactsConsumer<ReturneeCaseClosed>(session, gate, clock)
{
    protected override Guid ReturneeOf(ReturneeCaseClosed message) => message.ReturneeId;

    protected override object? Note(ReturneeCaseClosed m, CounsellingClient? known) =>
        known?.Closures.Contains(m.ClosedAt) == true ? null : new ClosureNoted(m.ReturneeId, m.ClosedAt);
}

/// <summary>Case reopenings.</summary>
public sealed class ReturneeCaseReopenedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : LearnedFactsConsumer<ReturneeCaseReopened>(session, gate, clock)
{
    protected override Guid ReturneeOf(ReturneeCaseReopened message) => message.ReturneeId;

    protected override object? Note(ReturneeCaseReopened m, CounsellingClient? known) =>
        known?.Reopenings.Contains(m.ReopenedAt) == true ? null : new ReopeningNoted(m.ReturneeId, m.ReopenedAt);
}

/// <summary>Erasures: from then on nothing about the returnee is recorded.</summary>
public sealed class ReturneeErasedConsumer(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : LearnedFactsConsumer<ReturneeErased>(session, gate, clock)
{
    protected override Guid ReturneeOf(ReturneeErased message) => message.ReturneeId;

    protected override object? Note(ReturneeErased m, CounsellingClient? known) =>
        known?.ErasedAt <= m.ErasedAt ? null : new ErasureNoted(m.ReturneeId, m.ErasedAt);
}
