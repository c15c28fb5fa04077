using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.Training;
using Reintegration.Training.Awareness;
using Reintegration.Training.Publishing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(ServiceIdentity.Training);
builder.AddEventStore(typeof(TrainingService), store => store.Events.AddEventType<AwarenessEventHeld>())
    .PublishIntegrationEvents<TrainingIntegrationEvents>();
builder.AddMessaging();
builder.Services.AddCloudEventIngestion()
    .AddCloudEventHandler<RecordAwarenessEvent>();

var app = builder.Build();

app.MapServiceDefaults();
app.MapCloudEventIngestion();

app.Run();
