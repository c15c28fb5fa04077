using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Reintegration.Intake.Duplicates;
using Reintegration.Intake.Search;

namespace Reintegration.Intake.ReadModels;

/// <summary>
/// The two read models of the desk, kept from one load of each page of events: the returnees'
/// summaries that desk search filters (<see cref="ReturneeSummaryWriter"/>) and the name index
/// that duplicate review matches (<see cref="PossibleDuplicateDetector"/>). Each of them loading
/// and deserialising every page on its own had been a third of the daemon's page loads. Both
/// write only to this database, so sharing one position costs neither anything the other does
/// not: a failure of either is the database's, and pauses both. The integration-event publisher
/// keeps a position of its own, so that a broker outage pauses only what goes to the broker.
/// </summary>
public sealed class DeskReadModels(IServiceProvider services, TimeProvider clock) : SubscriptionBase
{
    /// <summary>Replaced "returnee-summaries" and "possible-duplicates": under a new name the daemon writes both read models again from the first event, which each does idempotently.</summary>
    public const string SubscriptionName = "desk-read-models";

    private static readonly ReturneeSummaryWriter Summaries = new();
    private readonly PossibleDuplicateDetector _nameIndex = new(services, clock);

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        await Summaries.ProcessEventsAsync(page, controller, operations, cancellationToken);
        await _nameIndex.ProcessEventsAsync(page, controller, operations, cancellationToken);
        return NullChangeListener.Instance;
    }
}
