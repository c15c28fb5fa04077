using Marten;
using Reintegration.Counselling.Assessments;
using Reintegration.Counselling.Caseload;
using Reintegration.Counselling.GroupSessions;
using Reintegration.Counselling.Referrals;
using Reintegration.Counselling.RiskFlags;
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
builder.AddEventStore(typeof(CounsellingService), store =>
{
    store.Events.AddEventTypes([
        typeof(RegistrationNoted), typeof(ConsentNoted), typeof(ClosureNoted), typeof(ReopeningNoted), typeof(ErasureNoted), typeof(SessionHeld),
        typeof(GroupSessionHeld), typeof(AssessmentRecorded), typeof(RiskFlagRaised), typeof(RiskFlagFollowedUp), typeof(ReferralMade), typeof(ReferralClosed),
    ]);
    store.Schema.For<CounsellingFile>();
})
    .PublishIntegrationEvents<CounsellingIntegrationEvents>()
    .AddSubscriptionWithServices<CounsellingFileWriter>(ServiceLifetime.Singleton, o => o.Name = CounsellingFileWriter.SubscriptionName);
builder.AddMessaging(Reintegration.Contracts.Subscriptions.CounsellingQueue, bus => bus
    .AddBatchConsumer<ReturneeRegisteredConsumer>()
    .AddBatchConsumer<ReturneeConsentChangedConsumer>()
    .AddBatchConsumer<ReturneeCaseClosedConsumer>()
    .AddBatchConsumer<ReturneeCaseReopenedConsumer>()
    .AddBatchConsumer<ReturneeErasedConsumer>());
builder.Services.AddCloudEventIngestion()
    .AddCloudEventHandler<RecordSession>()
    .AddCloudEventHandler<RecordGroupSession>()
    .AddCloudEventHandler<RecordAssessment>()
    .AddCloudEventHandler<MakeReferral>()
    .AddCloudEventHandler<CloseReferral>();

var app = builder.Build();

app.MapServiceDefaults();
app.MapCloudEventIngestion();
app.MapCounsellorReads();

app.Run();
