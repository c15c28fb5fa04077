using Marten;
using Reintegration.Intake;
using Reintegration.Intake.Audit;
using Reintegration.Intake.Closure;
using Reintegration.Intake.Consent;
using Reintegration.Intake.Desk;
using Reintegration.Intake.ReadModels;
using Reintegration.Intake.Duplicates;
using Reintegration.Intake.Plans;
using Reintegration.Intake.Publishing;
using Reintegration.Intake.Registration;
using Reintegration.Intake.Screening;
using Reintegration.Intake.Search;
using Reintegration.Intake.Surveys;
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
        store.Events.AddEventType<ConsentUpdated>();
        store.Events.AddEventType<ReturneeErased>();
        store.Events.AddEventType<VulnerabilityScreened>();
        store.Events.AddEventType<PlanAgreed>();
        store.Events.AddEventType<SurveyRecorded>();
        store.Events.AddEventType<CaseClosed>();
        store.Events.AddEventType<CaseReopened>();
        store.Schema.For<IdentifyingRead>().Index(r => r.ReturneeId).Index(r => r.At);
        // Erasure deletes by returnee (PersonalDataProtection's steps below): indexed, or each
        // withdrawal of consent scans the whole table.
        store.Schema.For<DeskAnswer>().Index(a => a.ReturneeId);
        store.Schema.For<ReturneeSummary>().Index(s => s.Region).Index(s => s.RegisteredAt);
        // Pairs are matched by key and listed by the later registration's sequence (PossiblePairs).
        store.Schema.For<NameIndexEntry>().Index(e => e.Key).Index(e => e.Sequence);
    })
    .PublishIntegrationEvents<IntakeIntegrationEvents>()
    .AddSubscriptionWithServices<DeskReadModels>(ServiceLifetime.Scoped, o => o.Name = DeskReadModels.SubscriptionName);
builder.AddMessaging();
builder.Services.AddSingleton<AuditLog>().AddHostedService<AuditLogStorage>().AddHostedService<RetiredFlagsTable>();
builder.Services.AddPersonalDataProtection()
    .EraseWithReturnee<DeskAnswer>(a => a.ReturneeId)
    .EraseWithReturnee<NameIndexEntry>(e => e.Id);
builder.Services.AddCloudEventIngestion()
    .AddCloudEventHandler<RegisterReturnee>()
    .AddCloudEventHandler<UpdateConsent>()
    .AddCloudEventHandler<ScreenVulnerability>()
    .AddCloudEventHandler<AgreePlan>()
    .AddCloudEventHandler<RecordSurvey>()
    .AddCloudEventHandler<CloseCase>()
    .AddCloudEventHandler<ReopenCase>();

var app = builder.Build();

app.MapServiceDefaults();
app.MapCloudEventIngestion();
app.MapDeskRegistration();
app.MapCaseWrites();
app.MapReturneeSearch();
app.MapPossibleDuplicates();
app.MapAudit();

app.Run();
