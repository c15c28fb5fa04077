using Reintegration.Intake;
using Reintegration.Intake.Publishing;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(ServiceIdentity.Intake);
builder.AddEventStore(typeof(IntakeService), store => store.Events.AddEventType<ReturneeRegistered>())
    .PublishIntegrationEvents<IntakeIntegrationEvents>();
builder.AddMessaging();
builder.Services.AddCloudEventIngestion()
    .AddCloudEventHandler<RegisterReturnee>();

var app = builder.Build();

app.MapServiceDefaults();
app.MapCloudEventIngestion();
app.MapDeskRegistration();

app.Run();
