using JasperFx.Events.Projections;
using Reintegration.Contracts;
using Reintegration.Reporting;
using Reintegration.Reporting.Activities;
using Reintegration.Reporting.Bi;
using Reintegration.Reporting.Dashboard;
using Reintegration.Reporting.Disclosure;
using Reintegration.Reporting.Exports;
using Reintegration.Reporting.Facts;
using Reintegration.Reporting.Indicators;
using Reintegration.Reporting.Journeys;
using Reintegration.Reporting.LineList;
using Reintegration.Reporting.Rebuilds;
using Reintegration.Reporting.Returnees;
using Reintegration.Reporting.Workers;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;
using Reintegration.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(ServiceIdentity.Reporting);
var returnees = new ReturneeReadModel();
var workers = new WorkerReadModel();
var activities = new ActivityReadModel();
builder.AddEventStore(typeof(ReportingService), store =>
{
    store.Projections.Add(new ReturneeJourneyProjection(), ProjectionLifecycle.Async);
    store.Projections.Add(new ReturneeLineProjection(), ProjectionLifecycle.Async);
    store.Events.AddEventTypes([.. ReportingLog.EventTypes]);
    store.AddReadModel(returnees);
    store.AddReadModel(workers);
    store.AddReadModel(activities);
});
builder.AddMessaging(Subscriptions.ReportingQueue, bus =>
{
    bus.AddBatchConsumer<ReturneeRegisteredConsumer>();
    bus.AddBatchConsumer<CounsellingSessionHeldConsumer>();
    bus.AddBatchConsumer<AwarenessEventHeldConsumer>();
    bus.AddBatchConsumer<ReturneeConsentChangedConsumer>();
    bus.AddBatchConsumer<ReturneeScreenedConsumer>();
    bus.AddBatchConsumer<ReintegrationPlanAgreedConsumer>();
    bus.AddBatchConsumer<SustainabilitySurveyRecordedConsumer>();
    bus.AddBatchConsumer<ReturneeCaseClosedConsumer>();
    bus.AddBatchConsumer<ReturneeCaseReopenedConsumer>();
    bus.AddBatchConsumer<ReturneeErasedConsumer>();
    bus.AddCounsellingJourneyConsumers();
    bus.AddBatchConsumer<TrainingDeliveredConsumer>();
    bus.AddBatchConsumer<WorkerCertifiedConsumer>();
    bus.AddBatchConsumer<WorkshopHeldConsumer>();
});
builder.AddIndicators([returnees, workers, activities]);
builder.AddRebuilds(returnees, workers, activities);
builder.AddBiAccess();
builder.Services.AddDisclosureControl(builder.Configuration);
builder.Services.AddSingleton<LineListReader>();

var app = builder.Build();

app.MapServiceDefaults();
app.MapIndicators();
app.MapJourneys();
app.MapDashboard();
app.MapExports();
app.MapRebuilds();

app.Run();
