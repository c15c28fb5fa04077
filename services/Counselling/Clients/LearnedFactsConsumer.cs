using Marten;
using Reintegration.ServiceDefaults.Messaging;

namespace Reintegration.Counselling.Clients;

/// <summary>Learns one kind of fact about returnees from Intake into what Counselling knows of them (<see cref="CounsellingClient"/>).</summary>
public abstract class LearnedFactsConsumer<TMessage>(IDocumentSession session, ConsumerCommitGate gate, TimeProvider clock)
    : LearnedFactsConsumer<TMessage, CounsellingClient>(session, gate, clock)
    where TMessage : class;
