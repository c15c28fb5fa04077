using Marten;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Reporting;
using Reintegration.ServiceDefaults.Messaging;
using Xunit;

namespace Reintegration.IntegrationTests.Messaging;

public sealed class HandledMessageRetentionTests : IAsyncLifetime
{
    private TestSystem _system = null!;

    public async Task InitializeAsync() => _system = await TestSystem.CreateAsync(new Dictionary<string, string> { ["Messaging:HandledRetentionDays"] = "30" });

    public async Task DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Records_of_handled_messages_older_than_the_retention_are_dropped_and_recent_ones_kept()
    {
        await _system.WaitUntilReadyAsync<ReportingService>();
        var store = _system.Store<ReportingService>();
        var now = DateTimeOffset.UtcNow;
        var old = new HandledMessage("JourneyConsumer|old", now.AddDays(-31));
        var recent = new HandledMessage("JourneyConsumer|recent", now.AddDays(-29));
        await using (var session = store.LightweightSession())
        {
            session.Store(old, recent);
            await session.SaveChangesAsync();
        }

        var swept = await _system.Reporting.Services.GetRequiredService<HandledMessageRetention>().SweepAsync(CancellationToken.None);

        await using var query = store.QuerySession();
        Assert.Equal(1, swept);
        Assert.Null(await query.LoadAsync<HandledMessage>(old.Id));
        Assert.NotNull(await query.LoadAsync<HandledMessage>(recent.Id));
    }
}
