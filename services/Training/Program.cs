using JasperFx.Events.Projections;
using Subscriptions = Reintegration.Contracts.Subscriptions;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.Training;
using Reintegration.Training.Awareness;
using Reintegration.Training.Certification;
using Reintegration.Training.Participants;
using Reintegration.Training.Publishing;
using Reintegration.Training.Trainings;
using Reintegration.Training.Workers;
using Reintegration.Training.Workshops;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(ServiceIdentity.Training);
builder.AddEventStore(typeof(TrainingService), store =>
    {
        store.Events.AddEventTypes([
            typeof(AwarenessEventHeld), typeof(TrainingDelivered), typeof(WorkerCertified), typeof(WorkshopHeld),
            typeof(ClosureNoted), typeof(ReopeningNoted), typeof(ErasureNoted),
        ]);
        store.Schema.For<WorkerProfile>().Index(w => w.Organisation).Index(w => w.Role);
        store.Projections.Add(new WorkerProfileProjection(), ProjectionLifecycle.Async);
    })
    .PublishIntegrationEvents<TrainingIntegrationEvents>();
// What Training must respect of Intake's cases: withdrawals, erasure, closures and reopenings.
builder.AddMessaging(Subscriptions.TrainingQueue, bus => bus
    .AddBatchConsumer<ReturneeConsentChangedConsumer>()
    .AddBatchConsumer<ReturneeCaseClosedConsumer>()
    .AddBatchConsumer<ReturneeCaseReopenedConsumer>()
    .AddBatchConsumer<ReturneeErasedConsumer>());
builder.Services.AddCloudEventIngestion()
    .AddCloudEventHandler<RecordAwarenessEvent>()
    .AddCloudEventHandler<RecordTraining>()
    .AddCloudEventHandler<CertifyWorker>()
    .AddCloudEventHandler<RecordWorkshop>();

var app = builder.Build();

app.MapServiceDefaults();
app.MapCloudEventIngestion();
app.MapTrainingReads();

app.Run();
