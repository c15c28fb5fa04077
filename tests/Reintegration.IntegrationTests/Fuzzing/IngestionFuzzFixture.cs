using JasperFx.Events.Projections;
using Marten;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.ServiceDefaults.Access;
using Xunit;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>
/// The three services that take partner events, on two isolated backends: Intake alone, and
/// Counselling with Training. Counselling and Training learn from Intake over RabbitMQ; kept
/// apart from it, nothing reaches their schemas but what is posted to them, so a test can count
/// rows before and after a post and owe every new one to the events accepted.
/// </summary>
public sealed class IngestionFuzzFixture : IAsyncLifetime
{
    /// <summary>The sources a fuzz case posts as, those that collide across the <c>source|id</c> boundary included.</summary>
    public static readonly string[] Sources =
        [PartnerSources.NgoFieldApp, PartnerSources.UnAgencyTraining, .. CollidingKeys.Sources];

    public static readonly string Token = TestTokens.Mint([Scopes.EventsWrite], Sources, "fuzz-partner");

    private TestSystem _intake = null!;
    private TestSystem _activities = null!;
    private readonly Dictionary<PartnerService, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        _intake = await TestSystem.CreateAsync();
        _activities = await TestSystem.CreateAsync();
        _clients[PartnerService.Intake] = _intake.Intake.ClientWith(Token);
        _clients[PartnerService.Counselling] = _activities.Counselling.ClientWith(Token);
        _clients[PartnerService.Training] = _activities.Training.ClientWith(Token);
    }

    public HttpClient Client(PartnerService service) => _clients[service];

    public SchemaRows Rows(PartnerService service) => service switch
    {
        PartnerService.Intake => new SchemaRows(_intake.Backend, _intake.Schema<Reintegration.Intake.IntakeService>()),
        PartnerService.Counselling => new SchemaRows(_activities.Backend, _activities.Schema<Reintegration.Counselling.CounsellingService>()),
        _ => new SchemaRows(_activities.Backend, _activities.Schema<Reintegration.Training.TrainingService>()),
    };

    /// <summary>
    /// Waits until every projection and subscription of the service has read every stored event:
    /// its async projections (a returnee's summary, the possible-duplicates index) write rows of
    /// their own after a post, which belong to the events accepted before, not to the next post.
    /// </summary>
    public async Task WaitUntilCaughtUpAsync(PartnerService service)
    {
        var store = service switch
        {
            PartnerService.Intake => _intake.Store<Reintegration.Intake.IntakeService>(),
            PartnerService.Counselling => _activities.Store<Reintegration.Counselling.CounsellingService>(),
            _ => _activities.Store<Reintegration.Training.TrainingService>(),
        };
        var rows = Rows(service);
        await Eventually.UntilAsync(async () =>
        {
            var last = (await rows.SnapshotAsync()).LastSequence;
            var progress = (await store.Advanced.AllProjectionProgress()).ToDictionary(p => p.ShardName, p => p.Sequence);
            var behind = ((DocumentStore)store).Options.Projections.AllShards().Select(s => s.Name.Identity).Append(ShardState.HighWaterMark)
                .Where(name => progress.GetValueOrDefault(name) < last).ToList();
            return (last, behind);
        }, p => p.behind.Count == 0, $"{service}'s projections to catch up");
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _intake.DisposeAsync();
        await _activities.DisposeAsync();
    }
}
