using Subscriptions = Reintegration.Contracts.Subscriptions;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.Training;
using Reintegration.Training.Awareness;
using Reintegration.Training.Participants;
using Reintegration.Training.Publishing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(ServiceIdentity.Training);
builder.AddEventStore(typeof(TrainingService), store =>
    {
        store.Events.AddEventTypes([
            typeof(AwarenessEventHeld), typeof(ClosureNoted), typeof(ReopeningNoted), typeof(ErasureNoted),
        ]);
    })
    .PublishIntegrationEvents<TrainingIntegrationEvents>();
// What Training must respect of Intake's cases: withdrawals, erasure, closures and reopenings.
builder.AddMessaging(Subscriptions.TrainingQueue, bus => bus
    .AddBatchConsumer<ReturneeConsentChangedConsumer>()
    .AddBatchConsumer<ReturneeCaseClosedConsumer>()
    .AddBatchConsumer<ReturneeCaseReopenedConsumer>()
    .AddBatchConsumer<ReturneeErasedConsumer>());
builder.Services.AddCloudEventIngestion()
    .AddCloudEventHandler<RecordAwarenessEvent>();

var app = builder.Build();

app.MapServiceDefaults();
app.MapCloudEventIngestion();

app.Run();
