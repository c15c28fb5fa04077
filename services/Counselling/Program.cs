using Reintegration.Contracts;
using Reintegration.Counselling;
using Reintegration.Counselling.Clients;
using Reintegration.Counselling.Publishing;
using Reintegration.Counselling.Sessions;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(ServiceIdentity.Counselling);
builder.AddEventStore(typeof(CounsellingService), store => store.Events.AddEventTypes([
        typeof(RegistrationNoted), typeof(ConsentNoted), typeof(ClosureNoted), typeof(ReopeningNoted), typeof(ErasureNoted), typeof(SessionHeld),
    ]))
    .PublishIntegrationEvents<CounsellingIntegrationEvents>();
builder.AddMessaging(Subscriptions.CounsellingQueue, bus => bus
    .AddBatchConsumer<ReturneeRegisteredConsumer>()
    .AddBatchConsumer<ReturneeConsentChangedConsumer>()
    .AddBatchConsumer<ReturneeCaseClosedConsumer>()
    .AddBatchConsumer<ReturneeCaseReopenedConsumer>()
    .AddBatchConsumer<ReturneeErasedConsumer>());
builder.Services.AddCloudEventIngestion()
    .AddCloudEventHandler<RecordSession>();

var app = builder.Build();

app.MapServiceDefaults();
app.MapCloudEventIngestion();

app.Run();
