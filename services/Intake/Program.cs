using Reintegration.Intake;
using Reintegration.Intake.Audit;
using Reintegration.Intake.Publishing;
using Reintegration.Intake.Registration;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Ingestion;
using Reintegration.ServiceDefaults.Messaging;
using Reintegration.ServiceDefaults.Privacy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(ServiceIdentity.Intake);
builder.AddEventStore(typeof(IntakeService), store =>
    {
        store.Events.AddEventType<ReturneeRegistered>();
        store.Schema.For<IdentifyingRead>().Index(r => r.ReturneeId).Index(r => r.At);
    })
    .PublishIntegrationEvents<IntakeIntegrationEvents>();
builder.AddMessaging();
builder.Services.AddSingleton<AuditLog>().AddHostedService<AuditLogStorage>();
builder.Services.AddPersonalDataProtection();
builder.Services.AddCloudEventIngestion()
    .AddCloudEventHandler<RegisterReturnee>();

var app = builder.Build();

app.MapServiceDefaults();
app.MapCloudEventIngestion();
app.MapDeskRegistration();
app.MapAudit();

app.Run();
