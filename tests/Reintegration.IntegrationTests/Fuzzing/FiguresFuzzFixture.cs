using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.PartnerSimulator.CloudEvents;
using Reintegration.PartnerSimulator.Generation;
using Reintegration.ServiceDefaults.Access;
using Xunit;

namespace Reintegration.IntegrationTests.Fuzzing;

/// <summary>
/// All four services on one backend, and the model: the facts of every programme posted to them
/// so far (programmes of different seeds share services without colliding: their ids and
/// references are tagged by the seed).
/// </summary>
public sealed class FiguresFuzzFixture : IAsyncLifetime
{
    private static readonly string Token = TestTokens.Mint([Scopes.EventsWrite], [PartnerSources.NgoFieldApp, PartnerSources.UnAgencyTraining], "fuzz-partner");

    private readonly Dictionary<PartnerService, HttpClient> _clients = [];
    private readonly HashSet<int> _posted = [];

    public TestSystem System { get; private set; } = null!;

    /// <summary>Everything accepted so far, as facts.</summary>
    public ProgrammeFacts Model { get; private set; } = new();

    public async Task InitializeAsync()
    {
        System = await TestSystem.CreateAsync();
        _ = System.Reporting.Server;
        _clients[PartnerService.Intake] = System.Intake.ClientWith(Token);
        _clients[PartnerService.Counselling] = System.Counselling.ClientWith(Token);
        _clients[PartnerService.Training] = System.Training.ClientWith(Token);
    }

    public HttpClient Client(PartnerService service) => _clients[service];

    /// <summary>Whether this seed's programme was posted before (then all of it is answered duplicate).</summary>
    public bool WasPosted(int seed) => _posted.Contains(seed);

    /// <summary>Adds a programme's facts to the model, once per seed.</summary>
    public void Accepted(Programme programme)
    {
        if (!_posted.Add(programme.Options.Seed)) return;
        var f = programme.Facts;
        var m = Model;
        Model = new ProgrammeFacts
        {
            Returnees = [.. m.Returnees, .. f.Returnees],
            ConsentUpdates = [.. m.ConsentUpdates, .. f.ConsentUpdates],
            Screenings = [.. m.Screenings, .. f.Screenings],
            Plans = [.. m.Plans, .. f.Plans],
            Surveys = [.. m.Surveys, .. f.Surveys],
            Closures = [.. m.Closures, .. f.Closures],
            Reopenings = [.. m.Reopenings, .. f.Reopenings],
            Sessions = [.. m.Sessions, .. f.Sessions],
            GroupSessions = [.. m.GroupSessions, .. f.GroupSessions],
            Assessments = [.. m.Assessments, .. f.Assessments],
            Referrals = [.. m.Referrals, .. f.Referrals],
            ReferralClosures = [.. m.ReferralClosures, .. f.ReferralClosures],
            Trainings = [.. m.Trainings, .. f.Trainings],
            Certifications = [.. m.Certifications, .. f.Certifications],
            AwarenessEvents = [.. m.AwarenessEvents, .. f.AwarenessEvents],
            Workshops = [.. m.Workshops, .. f.Workshops],
        };
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await System.DisposeAsync();
    }
}
